/** What plan-service knows of indicator-service's catalogue, learnt from its events, to check goals' measures. */
package fi.hyte.plan.catalogue;
