/** Logging defaults every service shares: the correlation id and trace ids on every line. */
package fi.hyte.support.logging;
