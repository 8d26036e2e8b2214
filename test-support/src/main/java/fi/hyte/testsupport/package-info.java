/** Real parts for tests without Docker: a KRaft Kafka broker, the Mongo-wire server and a token issuer. */
package fi.hyte.testsupport;
