/** HTTP API of publications. */
package fi.hyte.report.publication.web;
