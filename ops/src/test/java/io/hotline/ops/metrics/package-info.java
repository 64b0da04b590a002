/** Tests of the meter catalog and the Prometheus registry, against real registries. Single-threaded. */
package io.hotline.ops.metrics;
