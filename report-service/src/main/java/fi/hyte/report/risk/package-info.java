/**
 * At-risk goals: an indicator value of an approved goal's measure that moves against the goal's direction
 * raises {@code goal.at-risk} for the organisations running the goal's actions.
 */
package fi.hyte.report.risk;
