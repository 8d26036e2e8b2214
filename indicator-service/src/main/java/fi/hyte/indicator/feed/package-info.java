/** Indicator feeds: integrators' submissions of Sotkanet-shaped rows, processed asynchronously into values. */
package fi.hyte.indicator.feed;
