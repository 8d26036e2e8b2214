/** G1: indicator values through the gateway as feeds, against a raw insertMany of the same rows. */
package fi.hyte.bench.ingest;
