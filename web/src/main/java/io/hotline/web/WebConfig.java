package io.hotline.web;

import java.util.Objects;

/**
 * Where and how the HTTP server listens.
 *
 * @param bindAddress     a literal IP address or {@code localhost}; already validated by whoever loaded the
 *                        settings, checked here only for presence
 * @param port            0-65535; 0 picks an ephemeral port (see {@link HttpServer#start()})
 * @param maxRequestBytes the largest request body accepted; a larger one is answered 413
 */
public record WebConfig(String bindAddress, int port, int maxRequestBytes) {

    /** A request body limit that fits webhooks and JSON commands with room to spare: 1 MiB. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

    /** The largest body limit allowed, so that one request cannot take a large share of the heap: 64 MiB. */
    public static final int MAX_REQUEST_BYTES_LIMIT = 64 * 1024 * 1024;

    public WebConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (bindAddress.isBlank()) {
            throw new IllegalArgumentException("bindAddress must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
        if (maxRequestBytes < 1 || maxRequestBytes > MAX_REQUEST_BYTES_LIMIT) {
            throw new IllegalArgumentException("maxRequestBytes must be 1-" + MAX_REQUEST_BYTES_LIMIT + ": "
                    + maxRequestBytes);
        }
    }

    /** Listens on {@code bindAddress:port} with the {@linkplain #DEFAULT_MAX_REQUEST_BYTES default body limit}. */
    public static WebConfig of(String bindAddress, int port) {
        return new WebConfig(bindAddress, port, DEFAULT_MAX_REQUEST_BYTES);
    }
}
