/** This service's own copy of the approved goals, learnt from plan events (never by a synchronous call). */
package fi.hyte.action.goal;
