/** The demo data set, loaded through the gateway's public API the first time the stack is ready. */
package fi.hyte.localstack.demo;
