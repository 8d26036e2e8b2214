/** The plan aggregate: a region's welfare plan for a council term, with its goals and approval. */
package fi.hyte.plan.plan;
