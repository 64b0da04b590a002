package io.hotline.web.push;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Whether a WebSocket handshake's {@code Origin} is the site it was sent to (RFC 6454 origins). Stateless. */
final class Origins {

    private Origins() {
    }

    /**
     * Whether {@code origin} (e.g. {@code http://hotline.example:8080}) names the same host and port as the request's
     * {@code Host} header; a missing {@code Host}, an opaque origin ({@code null}) or a scheme other than http(s)
     * never matches. Ports default by the origin's scheme on both sides.
     */
    static boolean sameOrigin(String origin, String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(origin.trim());
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int defaultPort = switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
        if (defaultPort < 0 || uri.getHost() == null) {
            return false;
        }
        int originPort = uri.getPort() < 0 ? defaultPort : uri.getPort();
        String hostName = host.trim();
        int hostPort = defaultPort;
        int colon = hostName.lastIndexOf(':');
        // A colon inside brackets belongs to an IPv6 literal, not to a port.
        if (colon > hostName.lastIndexOf(']')) {
            try {
                hostPort = Integer.parseInt(hostName.substring(colon + 1));
            } catch (NumberFormatException e) {
                return false;
            }
            hostName = hostName.substring(0, colon);
        }
        return uri.getHost().equalsIgnoreCase(hostName) && originPort == hostPort;
    }
}
