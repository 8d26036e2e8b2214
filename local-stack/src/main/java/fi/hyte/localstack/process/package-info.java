/** Child JVM processes: launching, health polling and restart-with-backoff supervision. */
package fi.hyte.localstack.process;
