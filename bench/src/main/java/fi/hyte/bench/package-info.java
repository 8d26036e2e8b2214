/** Benchmarks: each speed goal of Hyte measured as a ratio against a raw baseline in the same run. */
package fi.hyte.bench;
