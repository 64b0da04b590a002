package io.hotline.web.wallboard;

import io.hotline.web.http.AuthenticatedUser;
import io.hotline.web.http.Authenticator;
import io.hotline.web.http.RouteRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Accepts the wall screen's read-only token ({@code HOTLINE_WALLBOARD_TOKEN}) on the wallboard's two paths only,
 * {@code GET /api/wallboard} and the push upgrade, as the user {@link WallboardAccess#TOKEN_USER}; every other
 * request, and a request there without the token, goes to the people's authenticator. Elsewhere the token is an
 * unknown session token: 401.
 * <p>
 * The token comes as {@code Authorization: Bearer <token>}, or, on the push upgrade (a browser cannot set headers on
 * a WebSocket), as the WebSocket subprotocol {@code bearer.<token>} offered next to {@code hotline.wallboard}, the
 * one the server echoes. It is compared in constant time and never logged. Thread-safe, immutable, never blocks.
 */
public final class WallboardAuthenticator implements Authenticator {

    /** What a token may be made of: long, and only characters a WebSocket subprotocol may carry. */
    public static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~-]{24,128}");
    private static final String BEARER = "bearer ";
    private static final String PROTOCOL = "bearer.";

    private final Authenticator people;
    private final byte[] token;
    private final String pushPath;

    private WallboardAuthenticator(Authenticator people, byte[] token, String pushPath) {
        this.people = people;
        this.token = token;
        this.pushPath = pushPath;
    }

    /**
     * {@code people}, also accepting {@code token} on the wallboard's paths; {@code people} itself when there is no
     * token.
     *
     * @param pushPath the push channel's path ({@code /ws})
     * @throws IllegalArgumentException when the token does not match {@link #TOKEN} (the message does not show it)
     */
    public static Authenticator of(Authenticator people, Optional<String> token, String pushPath) {
        Objects.requireNonNull(people, "people");
        Objects.requireNonNull(pushPath, "pushPath");
        if (token.isEmpty()) {
            return people;
        }
        if (!TOKEN.matcher(token.get()).matches()) {
            throw new IllegalArgumentException(
                    "the wallboard token must be 24 to 128 characters of A-Z a-z 0-9 . _ ~ -");
        }
        return new WallboardAuthenticator(people, token.get().getBytes(StandardCharsets.US_ASCII), pushPath);
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(RouteRequest request) {
        boolean push = request.path().equals(pushPath);
        if ((push || request.path().equals(WallboardRoutes.PATH)) && carriesToken(request, push)) {
            return Optional.of(WallboardAccess.TOKEN_USER);
        }
        return people.authenticate(request);
    }

    private boolean carriesToken(RouteRequest request, boolean push) {
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return matches(authorization.substring(BEARER.length()).trim());
        }
        if (push) {
            for (String header : request.headers().getAll(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL)) {
                for (String protocol : header.split(",")) {
                    String offered = protocol.trim();
                    if (offered.startsWith(PROTOCOL) && matches(offered.substring(PROTOCOL.length()))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean matches(String presented) {
        return MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String challenge() {
        return people.challenge();
    }
}
