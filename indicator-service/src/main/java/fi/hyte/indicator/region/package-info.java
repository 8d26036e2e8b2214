/** The region catalogue: Sotkanet's regions and the wellbeing services counties, keyed by region code. */
package fi.hyte.indicator.region;
