/**
 * Service-desk benchmarks: the desk at 100,000 open work orders with running clocks (memory per work order,
 * events and warnings per second, restore time), alone in memory ({@code DeskBenchmark}) and restored on start from
 * MariaDB through the production store ({@code DeskRestoreFromDatabase}). The desk runs on one thread, as the
 * service-desk thread owns it in production; the store's journal writes on its own threads. Commands and figures:
 * {@code docs/benchmarks.md}.
 */
package io.hotline.benchmarks.desk;
