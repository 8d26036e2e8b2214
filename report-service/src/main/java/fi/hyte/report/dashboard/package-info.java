/** The live dashboard page: plain HTML and JavaScript, no build step, served as one document. */
package fi.hyte.report.dashboard;
