/** Single-node KRaft Kafka broker run as a child process from the launcher's own classpath. */
package fi.hyte.localstack.kafka;
