/**
 * Field-leg benchmarks: ranking the branches for dispatch orders ({@code NearestBranchBenchmark}), the real
 * {@code NearestBranches} against a naive stream-and-sort over the same generated branches and sites, in the same
 * run. Single-threaded, as the service-desk thread ranks in production. Commands and figures:
 * {@code docs/benchmarks.md}.
 */
package io.hotline.benchmarks.field;
