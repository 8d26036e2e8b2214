/** report-service: read models rebuilt from every event topic, and the annual welfare report. */
package fi.hyte.report;
