/**
 * JMH benchmarks and load generators; never deployed. Each benchmark measures Hotline against a named peer in
 * the same run. Reproducing commands and figures: {@code docs/benchmarks.md}.
 */
package io.hotline.benchmarks;
