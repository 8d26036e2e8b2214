/** The report goals: serving the report from the read model, live events on the stream, and replay. */
package fi.hyte.bench.report;
