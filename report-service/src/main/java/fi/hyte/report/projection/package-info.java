/**
 * Read models kept from the plan, action and indicator event topics. Every write is conditional on the
 * aggregate version it comes from, so redelivery and replay from the beginning change nothing.
 */
package fi.hyte.report.projection;
