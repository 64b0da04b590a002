/**
 * Hotline's entry point: the {@code hotline} command line, the wiring of every module through routing's ports,
 * and the lifecycle (start order, and stop in reverse on SIGTERM). The lifecycle runs on the main thread;
 * signal handlers only release it. The routing engine runs on its own {@code routing-engine} thread
 * ({@link io.hotline.app.RoutingService}, a generic {@link io.hotline.app.loop.EngineLoop}), which alone touches
 * the engine; other threads offer it events and read its published snapshot.
 */
package io.hotline.app;
