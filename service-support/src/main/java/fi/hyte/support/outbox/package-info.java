/** The outbox kept inside each aggregate's own document, and the relay that publishes it. */
package fi.hyte.support.outbox;
