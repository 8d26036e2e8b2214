/** Published reports: immutable snapshots of a year's report, announced as {@code report.published}. */
package fi.hyte.report.publication;
