/** indicator-service: region and indicator catalogues, indicator values and the feeds that bring them. */
package fi.hyte.indicator;
