package io.hotline.web.auth;

import io.hotline.web.http.AuthenticatedUser;
import io.hotline.web.http.Roles;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Accounts in memory: {@code alice} (supervisor) and {@code li} (agent of S101), password {@code pw}; login
 * {@code crowd} is throttled for 61 s, {@code early} finds the database unavailable. Tokens are {@code t1, t2...}.
 * Answers on another thread, as the real one does. Thread-safe.
 */
final class FakeAccountService implements AccountService {
    static final Instant EXPIRES = Instant.parse("2026-12-01T20:00:00Z");
    static final AuthenticatedUser ALICE = new AuthenticatedUser("alice", Set.of(Roles.SUPERVISOR));
    static final AuthenticatedUser LI = new AuthenticatedUser("li", Set.of(Roles.AGENT), "S101", null);
    private static final Map<String, AuthenticatedUser> USERS = Map.of("alice", ALICE, "li", LI);

    final Map<String, AuthenticatedUser> sessions = new ConcurrentHashMap<>();
    final List<String> loginAddresses = new CopyOnWriteArrayList<>();
    final List<String> loggedOut = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<LoginOutcome> login(String login, String password, String remoteAddress) {
        loginAddresses.add(remoteAddress);
        return CompletableFuture.supplyAsync(() -> {
            if ("crowd".equals(login)) {
                return new LoginOutcome.Throttled(Duration.ofMillis(60_200));
            }
            if ("early".equals(login)) {
                return new LoginOutcome.Unavailable();
            }
            AuthenticatedUser user = USERS.get(login);
            if (user == null || !"pw".equals(password)) {
                return new LoginOutcome.Refused();
            }
            String token = "t" + (sessions.size() + 1);
            sessions.put(token, user);
            return new LoginOutcome.LoggedIn(token, EXPIRES, user, "Name of " + login);
        });
    }

    @Override
    public Optional<AuthenticatedUser> verify(String token) {
        return Optional.ofNullable(sessions.get(token));
    }

    @Override
    public CompletionStage<Void> logout(String token) {
        sessions.remove(token);
        loggedOut.add(token);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public String displayName(String login) {
        return "Name of " + login;
    }
}
