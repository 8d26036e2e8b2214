/**
 * The indicators that approved goals measure, learnt from plan-service's events (never by a synchronous call):
 * what the Sotkanet connector keeps up to date.
 */
package fi.hyte.indicator.measured;
