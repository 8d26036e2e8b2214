/** action-service: the actions partners carry out under approved goals. */
package fi.hyte.action;
