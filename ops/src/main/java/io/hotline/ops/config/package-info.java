/**
 * Hotline's configuration: the catalog of every {@link io.hotline.ops.config.Setting}, and
 * {@link io.hotline.ops.config.Settings}, which reads them from the environment and an optional Java-properties
 * file, validates every value once at startup and fails fast with an
 * {@link io.hotline.ops.config.InvalidSettingException} naming the setting. {@link io.hotline.ops.config.RoutingFile}
 * reads the routing configuration (queues, steps, timers, business hours) from the file named by
 * {@code HOTLINE_ROUTING_FILE}; {@code docs/routing.properties} documents its keys.
 *
 * <p>Threading: everything here is immutable and thread-safe once loaded. Loading reads at most two files and
 * performs no DNS lookups.
 */
package io.hotline.ops.config;
