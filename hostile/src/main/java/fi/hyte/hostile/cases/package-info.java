/** The cases: generated from the OpenAPI document's schemas, plus the fixed list. */
package fi.hyte.hostile.cases;
