/** plan-service: regional welfare plans, their goals, HYTE negotiations and council approvals. */
package fi.hyte.plan;
