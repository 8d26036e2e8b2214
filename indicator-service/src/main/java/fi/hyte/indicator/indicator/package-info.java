/** The indicator catalogue: Sotkanet's indicators, keyed by their Sotkanet id. */
package fi.hyte.indicator.indicator;
