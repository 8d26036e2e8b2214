/** The event envelope every Hyte event travels in, and reading it tolerantly. */
package fi.hyte.support.event;
