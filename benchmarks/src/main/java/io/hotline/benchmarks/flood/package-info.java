/**
 * A FastAGI flood: a load generator that plays hostile clients (never-finished headers, oversized headers, idle
 * connections) against a running FastAGI server on loopback and reads what the server process holds from
 * {@code /proc/<pid>} (resident memory, threads, open files). Bounded in connections and seconds. Single-threaded:
 * one NIO selector drives every connection. See docs/benchmarks.md, "FastAGI under hostile input".
 */
package io.hotline.benchmarks.flood;
