/** HTTP API of plans and goals: request and response records and their one mapping place. */
package fi.hyte.plan.plan.web;
