/** G5: the gateway against calling the service directly. */
package fi.hyte.bench.gateway;
