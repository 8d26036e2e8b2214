/** HTTP API of reports. */
package fi.hyte.report.report.web;
