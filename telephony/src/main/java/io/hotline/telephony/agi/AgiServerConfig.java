package io.hotline.telephony.agi;

import java.time.Duration;
import java.util.Objects;

/**
 * The FastAGI server's settings.
 *
 * @param bindAddress    the address to listen on
 * @param port           the TCP port (4573 by convention; 0 for an ephemeral one)
 * @param commandTimeout how long a command may wait for its reply before the session is closed
 * @param idleTimeout    how long a connection may stay completely silent (no command, no reply) before it is
 *                       closed; long, since callers wait in queue inside the session
 * @param maxLineLength  the longest line accepted from Asterisk
 * @param workerThreads  event-loop threads serving connections (0: Netty's default, twice the cores)
 * @param limits         who may connect, how many at once, and the request header's deadline and size caps
 */
public record AgiServerConfig(String bindAddress, int port, Duration commandTimeout, Duration idleTimeout,
                              int maxLineLength, int workerThreads, AgiLimits limits) {

    public AgiServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("commandTimeout must be positive: " + commandTimeout);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
        }
        if (workerThreads < 0) {
            throw new IllegalArgumentException("workerThreads must not be negative: " + workerThreads);
        }
    }

    /** These settings with the {@linkplain AgiLimits#defaults() default limits} (loopback clients only). */
    public AgiServerConfig(String bindAddress, int port, Duration commandTimeout, Duration idleTimeout,
                           int maxLineLength, int workerThreads) {
        this(bindAddress, port, commandTimeout, idleTimeout, maxLineLength, workerThreads, AgiLimits.defaults());
    }

    /**
     * Listening on {@code bindAddress:port} with a 30 s command timeout, 4 h idle timeout, default threads and
     * the default limits.
     */
    public static AgiServerConfig of(String bindAddress, int port) {
        return new AgiServerConfig(bindAddress, port, Duration.ofSeconds(30), Duration.ofHours(4),
                AgiDecoder.DEFAULT_MAX_LINE_LENGTH, 0);
    }

    /** These settings with other limits. */
    public AgiServerConfig withLimits(AgiLimits newLimits) {
        return new AgiServerConfig(bindAddress, port, commandTimeout, idleTimeout, maxLineLength, workerThreads,
                newLimits);
    }
}
