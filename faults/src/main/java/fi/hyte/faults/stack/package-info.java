/** The stack under test (the zero-install run in this JVM on free ports), and HTTP, Kafka and Mongo access to it. */
package fi.hyte.faults.stack;
