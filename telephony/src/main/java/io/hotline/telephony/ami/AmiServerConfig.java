package io.hotline.telephony.ami;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one Asterisk server's manager interface, and how patiently.
 *
 * @param name            the server's name in Hotline (tags its calls and metrics), e.g. {@code pbx1}
 * @param host            host name or address of the AMI listener
 * @param port            AMI TCP port (Asterisk's default is 5038)
 * @param username        the {@code manager.conf} user
 * @param secret          its secret: never logged, never in {@link #toString()}
 * @param pingInterval    how often an idle connection sends {@code Ping}; the socket read timeout is three of these
 * @param actionTimeout   how long an action waits for its response
 * @param firstRetryDelay the wait after the first failed login; it doubles up to {@code maxRetryDelay}
 * @param maxRetryDelay   the longest wait between login attempts
 * @param resyncInterval  how often a connected session lists channels and device states again, besides after every
 *                        login: heals state lost to events asterisk-java dropped (its pump queue is bounded)
 */
public record AmiServerConfig(String name, String host, int port, String username, String secret,
                              Duration pingInterval, Duration actionTimeout, Duration firstRetryDelay,
                              Duration maxRetryDelay, Duration resyncInterval) {
    /** Asterisk's AMI port. */
    public static final int DEFAULT_PORT = 5038;
    /** How often a connected session resynchronises by default. */
    public static final Duration DEFAULT_RESYNC_INTERVAL = Duration.ofMinutes(5);

    public AmiServerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("AMI port must be 1-65535, not " + port);
        }
        requirePositive(pingInterval, "pingInterval");
        requirePositive(actionTimeout, "actionTimeout");
        requirePositive(firstRetryDelay, "firstRetryDelay");
        requirePositive(maxRetryDelay, "maxRetryDelay");
        requirePositive(resyncInterval, "resyncInterval");
        if (maxRetryDelay.compareTo(firstRetryDelay) < 0) {
            throw new IllegalArgumentException("maxRetryDelay " + maxRetryDelay + " is below firstRetryDelay "
                    + firstRetryDelay);
        }
    }

    /**
     * A server with the defaults: ping every 10 s, actions wait 5 s, logins retry after 1 s doubling to 30 s, a
     * resync every 5 min.
     */
    public static AmiServerConfig of(String name, String host, int port, String username, String secret) {
        return new AmiServerConfig(name, host, port, username, secret, Duration.ofSeconds(10), Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofSeconds(30), DEFAULT_RESYNC_INTERVAL);
    }

    /** This server with other timing (tests use short ones). */
    public AmiServerConfig withTiming(Duration newPingInterval, Duration newActionTimeout, Duration newFirstRetry,
                                      Duration newMaxRetry) {
        return new AmiServerConfig(name, host, port, username, secret, newPingInterval, newActionTimeout,
                newFirstRetry, newMaxRetry, resyncInterval);
    }

    /** This server resynchronising every {@code interval} while connected. */
    public AmiServerConfig withResyncInterval(Duration interval) {
        return new AmiServerConfig(name, host, port, username, secret, pingInterval, actionTimeout, firstRetryDelay,
                maxRetryDelay, interval);
    }

    /** The wait before login attempt {@code attempt + 1}, after {@code attempt} failures (1-based). */
    public Duration retryDelay(int attempt) {
        long delay = firstRetryDelay.toMillis();
        for (int i = 1; i < attempt && delay < maxRetryDelay.toMillis(); i++) {
            delay *= 2;
        }
        return Duration.ofMillis(Math.min(delay, maxRetryDelay.toMillis()));
    }

    /** The socket read timeout: three ping intervals without a byte means the socket is dead. */
    public Duration readTimeout() {
        return pingInterval.multipliedBy(3);
    }

    @Override
    public String toString() {
        return "AmiServerConfig[" + name + " " + username + "@" + host + ":" + port + ", secret=***]";
    }

    private static void requirePositive(Duration value, String what) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, not " + value);
        }
    }
}
