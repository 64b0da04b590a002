/**
 * Persistence benchmarks against a real MySQL-compatible server (127.0.0.1:3306 or {@code HOTLINE_BENCH_DB_URL}).
 */
package io.hotline.benchmarks.persistence;
