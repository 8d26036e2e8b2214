/**
 * How report-service's consumers take their records: a poll's records as one batch of event envelopes, in
 * the order of each partition, with every record that cannot be read as an event set aside to the dead-letter
 * topic {@code hyte.report-service.dlq} instead of holding back the rest of the batch.
 */
package fi.hyte.report.intake;
