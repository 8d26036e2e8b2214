/** The stack under test: the zero-install run started in this JVM on free ports, and clients for it. */
package fi.hyte.bench.stack;
