/** The zero-install launcher: starts the issuer, Mongo, Kafka and the five services, and supervises them. */
package fi.hyte.localstack;
