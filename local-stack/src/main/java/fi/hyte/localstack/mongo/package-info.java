/** In-process MongoDB wire-protocol server (mongo-java-server) persisted in an H2 file. */
package fi.hyte.localstack.mongo;
