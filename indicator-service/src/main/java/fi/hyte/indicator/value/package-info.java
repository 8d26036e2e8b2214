/** Indicator values: one aggregate per indicator, region, year and gender, announcing real changes only. */
package fi.hyte.indicator.value;
