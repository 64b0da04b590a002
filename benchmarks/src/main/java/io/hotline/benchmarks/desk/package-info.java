/**
 * Service-desk benchmarks: the desk at 100,000 open work orders with running clocks (memory per work order,
 * events and warnings per second, restore time). Single-threaded, as the service-desk thread owns the desk in
 * production. Commands and figures: {@code docs/benchmarks.md}.
 */
package io.hotline.benchmarks.desk;
