/** What every service shows operators: ids on every log line, latency histograms, dead-letter counts. */
package fi.hyte.support.observability;
