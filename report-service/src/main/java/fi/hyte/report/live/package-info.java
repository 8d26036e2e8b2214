/**
 * Live events: every domain event kept in a durable, ordered log and streamed to browsers as Server-Sent
 * Events, with resumption from {@code Last-Event-ID} across reconnects, instances and restarts.
 */
package fi.hyte.report.live;
