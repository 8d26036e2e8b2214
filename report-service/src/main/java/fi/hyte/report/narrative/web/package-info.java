/** HTTP API of a report's narrative. */
package fi.hyte.report.narrative.web;
