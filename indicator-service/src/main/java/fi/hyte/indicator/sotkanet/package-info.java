/**
 * The Sotkanet connector: keeps the indicators that approved goals measure up to date from THL's Sotkanet
 * REST API, fetching an indicator only when its {@code data-updated} is newer than what was last fetched, and
 * submitting the rows through the ordinary feed path.
 */
package fi.hyte.indicator.sotkanet;
