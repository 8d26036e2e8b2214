/** What every Hyte service shares: events, outbox, web problems and security. */
package fi.hyte.support;
