/** The faults of issue 9, one class each: inject, heal, and what they leave behind (dead letters). */
package fi.hyte.faults.fault;
