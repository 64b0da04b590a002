/**
 * Benchmarks of the routing journal's package-private parts (the log), in the journal's package so that they measure
 * the code as Hotline runs it; in the benchmarks jar only, never deployed. Each benchmark is confined to JMH's
 * threads.
 */
package io.hotline.persistence.outbox;
