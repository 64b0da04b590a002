package io.hotline.telephony.agi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the FastAGI server lets a client do before it has sent a request: FastAGI has no authentication, so who
 * may connect, how many may be connected, and how long and large the request header may be are the whole defence
 * against a stranger or a flood. Validated on construction; immutable and thread-safe.
 *
 * @param allowedClients           the client addresses served; a connection from any other is closed before
 *                                 anything is read
 * @param maxConnections           connections open at once; one more is closed at once without being read
 * @param maxConnectionsPerAddress connections open at once from one client address
 * @param headerTimeout            how long a client may take to send the whole request header (the
 *                                 {@code agi_*} block up to its empty line)
 * @param maxHeaderBytes           the largest request header accepted, line ends included
 * @param maxHeaderLineLength      the longest line of the request header
 */
public record AgiLimits(List<CidrBlock> allowedClients, int maxConnections, int maxConnectionsPerAddress,
                        Duration headerTimeout, int maxHeaderBytes, int maxHeaderLineLength) {

    /** Loopback only, IPv4 and IPv6. */
    public static final String LOOPBACK = "127.0.0.0/8,::1/128";
    /** The header cap: Asterisk 20/22 sent at most 600 bytes (25 lines) in every recording; 8 KiB leaves room. */
    public static final int DEFAULT_MAX_HEADER_BYTES = 8192;
    /** The header line cap: the longest recorded line was 70 bytes (agi_request with its URL). */
    public static final int DEFAULT_MAX_HEADER_LINE_LENGTH = 2048;
    /** Connections at once: 10,000 waiting callers were measured at 222 MB RSS (docs/benchmarks.md). */
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;

    public AgiLimits {
        allowedClients = List.copyOf(allowedClients);
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        if (allowedClients.isEmpty()) {
            throw new IllegalArgumentException("allowedClients must not be empty: no client could connect");
        }
        if (maxConnections < 1 || maxConnectionsPerAddress < 1) {
            throw new IllegalArgumentException("connection caps must be at least 1: " + maxConnections + ", "
                    + maxConnectionsPerAddress);
        }
        if (headerTimeout.isNegative() || headerTimeout.isZero()) {
            throw new IllegalArgumentException("headerTimeout must be positive: " + headerTimeout);
        }
        if (maxHeaderLineLength < 64 || maxHeaderBytes < maxHeaderLineLength) {
            throw new IllegalArgumentException("need 64 <= maxHeaderLineLength <= maxHeaderBytes: "
                    + maxHeaderLineLength + ", " + maxHeaderBytes);
        }
    }

    /** Loopback clients only, 10,000 connections (as many from one address), 5 s and 8 KiB for the header. */
    public static AgiLimits defaults() {
        return new AgiLimits(CidrBlock.parseList(LOOPBACK), DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS,
                Duration.ofSeconds(5), DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_HEADER_LINE_LENGTH);
    }

    /** These limits with other client addresses and connection caps. */
    public AgiLimits withAdmission(List<CidrBlock> clients, int connections, int connectionsPerAddress) {
        return new AgiLimits(clients, connections, connectionsPerAddress, headerTimeout, maxHeaderBytes,
                maxHeaderLineLength);
    }

    /** These limits with another header deadline and size caps. */
    public AgiLimits withHeader(Duration timeout, int headerBytes, int headerLineLength) {
        return new AgiLimits(allowedClients, maxConnections, maxConnectionsPerAddress, timeout, headerBytes,
                headerLineLength);
    }
}
