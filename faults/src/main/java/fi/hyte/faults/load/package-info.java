/** The fault suite's deterministic mixed load and its record of acknowledged writes. */
package fi.hyte.faults.load;
