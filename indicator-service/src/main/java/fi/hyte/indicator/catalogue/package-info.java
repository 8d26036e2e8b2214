/**
 * Announcing the catalogues to other services: one {@code indicator.catalogue-published} event with every
 * indicator id (and the counties' municipalities), whenever the content changes.
 */
package fi.hyte.indicator.catalogue;
