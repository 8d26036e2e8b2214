/**
 * The fault suite of issue 9: the zero-install stack under a steady deterministic load while faults are injected,
 * judged against a fault-free run of the same input (see {@link fi.hyte.faults.FaultSuite}).
 */
package fi.hyte.faults;
