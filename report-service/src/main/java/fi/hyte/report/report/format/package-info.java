/** The renderings of a report: JSON, print-ready HTML with SVG charts, PDF, CSV and xlsx. */
package fi.hyte.report.report.format;
