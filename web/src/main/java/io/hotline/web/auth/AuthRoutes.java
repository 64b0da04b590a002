package io.hotline.web.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.hotline.web.http.Access;
import io.hotline.web.http.AuthenticatedUser;
import io.hotline.web.http.HttpReply;
import io.hotline.web.http.HttpRoutes;
import io.hotline.web.http.Json;
import io.hotline.web.http.RouteHandler;
import io.hotline.web.http.RouteRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The sign-in routes: {@code POST /api/login} (public), {@code POST /api/logout} and {@code GET /api/me}
 * (authenticated). A successful sign-in answers the token in the body (for API clients) and sets it as an
 * {@code HttpOnly; SameSite=Strict} cookie (for the desktop page). Every sign-in attempt is audited. Stateless and
 * thread-safe; nothing here blocks: the password is checked behind {@link AccountService#login}'s stage.
 */
public final class AuthRoutes {
    /** Longest login accepted; longer ones are answered 400 before anything is checked. */
    static final int MAX_LOGIN = 64;
    /** Longest password accepted, so that one request cannot make the hash work on megabytes. */
    static final int MAX_PASSWORD = 1024;

    private final AccountService accounts;
    private final PersonAudit audit;
    private final InstantSource clock;

    private AuthRoutes(AccountService accounts, PersonAudit audit, InstantSource clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Adds the sign-in routes to {@code routes}. */
    public static HttpRoutes.Builder register(HttpRoutes.Builder routes, AccountService accounts, PersonAudit audit,
            InstantSource clock) {
        AuthRoutes auth = new AuthRoutes(accounts, audit, clock);
        return routes.post("/api/login", "login", Access.PUBLIC, auth::login)
                .post("/api/logout", "logout", Access.AUTHENTICATED, auth::logout)
                .get("/api/me", "me", Access.AUTHENTICATED, RouteHandler.of(auth::me));
    }

    private CompletionStage<HttpReply> login(RouteRequest request) {
        Optional<JsonNode> body = Json.readTree(request.bodyText());
        String login = text(body, "login");
        String password = text(body, "password");
        if (login == null || password == null || login.isBlank() || login.length() > MAX_LOGIN
                || password.isEmpty() || password.length() > MAX_PASSWORD) {
            return CompletableFuture.completedFuture(HttpReply.error(HttpResponseStatus.BAD_REQUEST, "bad_request",
                    "Send {\"login\":\"...\",\"password\":\"...\"} as JSON."));
        }
        return accounts.login(login, password, request.remoteAddress())
                .thenApply(outcome -> answer(login, outcome, request.remoteAddress()));
    }

    private HttpReply answer(String login, LoginOutcome outcome, String remoteAddress) {
        if (outcome instanceof LoginOutcome.LoggedIn in) {
            record(login, UserJson.role(in.user()), "LOGGED_IN", remoteAddress);
            return loggedIn(in);
        }
        if (outcome instanceof LoginOutcome.Throttled throttled) {
            record(login, null, "THROTTLED", remoteAddress);
            long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
            return HttpReply.error(HttpResponseStatus.TOO_MANY_REQUESTS, "too_many_attempts",
                    "Too many failed sign-ins; try again in " + seconds + " s.")
                    .withHeader(HttpHeaderNames.RETRY_AFTER.toString(), Long.toString(seconds));
        }
        if (outcome instanceof LoginOutcome.Unavailable) {
            record(login, null, "UNAVAILABLE", remoteAddress);
            return HttpReply.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "starting",
                    "Sign-in is not possible yet; try again in a few seconds.")
                    .withHeader(HttpHeaderNames.RETRY_AFTER.toString(), "5");
        }
        record(login, null, "REFUSED", remoteAddress);
        return HttpReply.error(HttpResponseStatus.UNAUTHORIZED, "login_refused", "Wrong login or password.");
    }

    private HttpReply loggedIn(LoginOutcome.LoggedIn in) {
        long maxAge = Math.max(0, Duration.between(clock.instant(), in.expiresAt()).toSeconds());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", in.token());
        body.put("expiresAt", in.expiresAt().toString());
        body.put("user", UserJson.user(in.user(), in.displayName()));
        return HttpReply.json(HttpResponseStatus.OK, body)
                .withHeader(HttpHeaderNames.SET_COOKIE.toString(), cookie(in.token(), maxAge))
                .withHeader(HttpHeaderNames.CACHE_CONTROL.toString(), "no-store");
    }

    private CompletionStage<HttpReply> logout(RouteRequest request) {
        // The authenticator accepted this token a moment ago, so it is there.
        String token = SessionAuthenticator.token(request).orElseThrow();
        return accounts.logout(token).thenApply(done -> new HttpReply(HttpResponseStatus.NO_CONTENT,
                HttpReply.JSON, "", Map.of(HttpHeaderNames.SET_COOKIE.toString(), cookie("", 0))));
    }

    private HttpReply me(RouteRequest request) {
        AuthenticatedUser user = request.user().orElseThrow();
        return HttpReply.json(HttpResponseStatus.OK, UserJson.user(user, accounts.displayName(user.name())))
                .withHeader(HttpHeaderNames.CACHE_CONTROL.toString(), "no-store");
    }

    private void record(String login, String role, String status, String remoteAddress) {
        audit.record(new PersonAuditEvent(clock.instant(), login, role, PersonAuditEvent.LOGIN, "/api/login", null,
                status, remoteAddress));
    }

    /** The session cookie: script cannot read it, no other site sends it. */
    static String cookie(String token, long maxAgeSeconds) {
        return SessionAuthenticator.COOKIE + "=" + token + "; HttpOnly; SameSite=Strict; Path=/; Max-Age="
                + maxAgeSeconds;
    }

    private static String text(Optional<JsonNode> body, String field) {
        return body.map(node -> node.get(field)).filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null);
    }
}
