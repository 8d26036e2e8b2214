/** Test doubles of the services: a fake service runnable as a jar, and free ports. */
package fi.hyte.localstack.testing;
