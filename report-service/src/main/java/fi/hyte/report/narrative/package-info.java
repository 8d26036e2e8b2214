/** The coordinator's words in a year's report: its summary and a commentary per goal, with their own events. */
package fi.hyte.report.narrative;
