package io.hotline.web.auth;

import io.hotline.web.http.AuthenticatedUser;
import io.hotline.web.http.Authenticator;
import io.hotline.web.http.RouteRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.util.Objects;
import java.util.Optional;

/**
 * Accepts requests that carry a live session token: {@code Authorization: Bearer <token>} (API clients, the
 * desktop's script) or the {@code hotline_session} cookie (the desktop page). A request that changes state
 * (anything but {@code GET}, {@code HEAD} and {@code OPTIONS}) authenticated by the cookie alone must also carry
 * {@code X-Hotline-Request: 1}: a cross-site form cannot set that header, so this stops request forgery even in a
 * browser that ignores {@code SameSite=Strict}. A bearer token is never sent by a browser on its own, so it needs
 * no such header.
 *
 * <p>Never blocks: tokens are checked against {@link AccountService#verify(String)}, which is memory only.
 * Thread-safe and stateless.
 */
public final class SessionAuthenticator implements Authenticator {
    /** The session cookie's name. */
    public static final String COOKIE = "hotline_session";
    /** The header a state-changing request authenticated by the cookie must carry, with the value {@code 1}. */
    public static final String REQUEST_HEADER = "X-Hotline-Request";
    /** Longer tokens are not ours: refused before they are hashed. */
    private static final int MAX_TOKEN_LENGTH = 128;
    private static final String BEARER = "bearer ";

    private final AccountService accounts;

    public SessionAuthenticator(AccountService accounts) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(RouteRequest request) {
        return token(request).flatMap(accounts::verify);
    }

    /**
     * The session token a request carries, from the {@code Authorization} header first, then from the cookie if
     * the request may use it (see the class comment); empty if none may be used.
     */
    public static Optional<String> token(RouteRequest request) {
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (authorization != null) {
            if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return plausible(authorization.substring(BEARER.length()).trim());
            }
            return Optional.empty();
        }
        Optional<String> cookie = cookie(request);
        if (cookie.isPresent() && changesState(request.method())
                && !"1".equals(request.headers().get(REQUEST_HEADER))) {
            return Optional.empty();
        }
        return cookie.flatMap(SessionAuthenticator::plausible);
    }

    private static Optional<String> cookie(RouteRequest request) {
        for (String header : request.headers().getAll(HttpHeaderNames.COOKIE)) {
            for (Cookie cookie : ServerCookieDecoder.STRICT.decodeAll(header)) {
                if (COOKIE.equals(cookie.name())) {
                    return Optional.of(cookie.value());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean changesState(HttpMethod method) {
        return !HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)
                && !HttpMethod.OPTIONS.equals(method);
    }

    private static Optional<String> plausible(String token) {
        return token.isEmpty() || token.length() > MAX_TOKEN_LENGTH ? Optional.empty() : Optional.of(token);
    }

    @Override
    public String challenge() {
        return "Bearer realm=\"hotline\"";
    }
}
