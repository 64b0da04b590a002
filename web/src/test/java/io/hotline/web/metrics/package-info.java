/** Tests of the {@code /metrics} handler. Single-threaded. */
package io.hotline.web.metrics;
