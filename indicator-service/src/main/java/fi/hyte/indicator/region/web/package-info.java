/** HTTP API of the region catalogue: its response records and their one mapping place. */
package fi.hyte.indicator.region.web;
