/**
 * Hotline's entry point: the {@code hotline} command line, the wiring of every module through routing's ports,
 * and the lifecycle (start order, and stop in reverse on SIGTERM). The lifecycle runs on the main thread;
 * signal handlers only release it.
 */
package io.hotline.app;
