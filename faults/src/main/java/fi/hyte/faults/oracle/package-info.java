/** The oracle: store contents against a fault-free run, acknowledged writes, duplicate effects, dead letters. */
package fi.hyte.faults.oracle;
