/** The stack under test, the HTTP client that speaks to its gateway and the snapshots of its stores. */
package fi.hyte.hostile.stack;
