/** Load generators: closed-loop throughput and constant-arrival latency without coordinated omission. */
package fi.hyte.bench.load;
