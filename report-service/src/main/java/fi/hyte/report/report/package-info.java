/** The annual welfare report of a region, assembled from the read models. */
package fi.hyte.report.report;
