/** HTTP API of indicator values: the series of an indicator, and their one mapping place. */
package fi.hyte.indicator.value.web;
