/** HTTP API of the indicator catalogue: its response records and their one mapping place. */
package fi.hyte.indicator.indicator.web;
