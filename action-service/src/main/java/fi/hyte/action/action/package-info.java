/** The action aggregate: an organisation's work under an approved goal, from planned to completed. */
package fi.hyte.action.action;
