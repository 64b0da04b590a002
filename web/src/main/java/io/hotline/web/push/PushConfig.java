package io.hotline.web.push;

import java.time.Duration;
import java.util.Objects;

/**
 * How the WebSocket push endpoint behaves. Validated on construction.
 *
 * @param path           the upgrade path, e.g. {@code /ws}
 * @param idleTimeout    a connection with no frame from the client for this long is closed (the page pings every
 *                       30 s, so the default 75 s survives one lost ping)
 * @param maxQueuedBytes the most bytes queued for one connection before it counts as a slow consumer and is closed
 *                       with 1013
 * @param maxFrameBytes  the largest frame (or message) accepted from a client; larger ones close the connection
 */
public record PushConfig(String path, Duration idleTimeout, int maxQueuedBytes, int maxFrameBytes) {

    /** The default upgrade path. */
    public static final String DEFAULT_PATH = "/ws";
    /** The default idle timeout: 75 s. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(75);
    /** The default bound of one connection's queue: 1 MiB. */
    public static final int DEFAULT_MAX_QUEUED_BYTES = 1024 * 1024;
    /** The default largest client frame: 64 KiB (clients only send pings). */
    public static final int DEFAULT_MAX_FRAME_BYTES = 64 * 1024;

    public PushConfig {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (!path.startsWith("/") || path.contains("?") || path.contains("{")) {
            throw new IllegalArgumentException("push path must be an exact path starting with /: " + path);
        }
        if (idleTimeout.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("push idleTimeout must be at least 100 ms: " + idleTimeout);
        }
        if (maxQueuedBytes < 1024) {
            throw new IllegalArgumentException("push maxQueuedBytes must be at least 1024: " + maxQueuedBytes);
        }
        if (maxFrameBytes < 128) {
            throw new IllegalArgumentException("push maxFrameBytes must be at least 128: " + maxFrameBytes);
        }
    }

    /** {@code /ws}, 75 s idle timeout, 1 MiB per connection, 64 KiB client frames. */
    public static PushConfig defaults() {
        return new PushConfig(DEFAULT_PATH, DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_QUEUED_BYTES, DEFAULT_MAX_FRAME_BYTES);
    }

    /** These settings with another idle timeout. */
    public PushConfig withIdleTimeout(Duration timeout) {
        return new PushConfig(path, timeout, maxQueuedBytes, maxFrameBytes);
    }

    /** These settings with another per-connection queue bound. */
    public PushConfig withMaxQueuedBytes(int bytes) {
        return new PushConfig(path, idleTimeout, bytes, maxFrameBytes);
    }
}
