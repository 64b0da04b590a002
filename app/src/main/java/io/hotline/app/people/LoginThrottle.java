package io.hotline.app.people;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins counted in memory over a sliding window, per login (as typed, whether or not it names an
 * account: the answer must not tell) and per client address. A login with {@code perAccount} failures in the
 * window, or an address with {@code perAddress}, is refused until its oldest failure leaves the window. A
 * successful sign-in clears its login's failures, not its address's. Memory is bounded: keys whose failures have
 * all left the window are dropped once the table grows past {@link #PRUNE_AT} keys.
 *
 * <p>Thread-safe: each key's failures are changed inside {@link ConcurrentHashMap#compute}. Counts are lost at a
 * restart (a restart takes longer than most guessing gains).
 */
public final class LoginThrottle {
    /** Keys kept before expired ones are pruned. */
    static final int PRUNE_AT = 10_000;

    private final InstantSource clock;
    private final Duration window;
    private final int perAccount;
    private final int perAddress;
    private final Map<String, Deque<Instant>> logins = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> addresses = new ConcurrentHashMap<>();

    /**
     * @param window     how long a failure counts
     * @param perAccount failures of one login within the window that block it
     * @param perAddress failures from one address within the window that block it
     */
    public LoginThrottle(InstantSource clock, Duration window, int perAccount, int perAddress) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
        if (perAccount < 1 || perAddress < 1) {
            throw new IllegalArgumentException("limits must be positive: " + perAccount + ", " + perAddress);
        }
        this.perAccount = perAccount;
        this.perAddress = perAddress;
    }

    /** Hotline's: 5 failures of a login or 20 from an address within 15 minutes. */
    public static LoginThrottle standard(InstantSource clock) {
        return new LoginThrottle(clock, Duration.ofMinutes(15), 5, 20);
    }

    /** How long {@code login} from {@code address} must wait, or empty when it may try now. */
    public Optional<Duration> blocked(String login, String address) {
        Instant now = clock.instant();
        Optional<Duration> byLogin = wait(logins, key(login), perAccount, now);
        Optional<Duration> byAddress = wait(addresses, address, perAddress, now);
        if (byLogin.isPresent() && byAddress.isPresent()) {
            return Optional.of(byLogin.get().compareTo(byAddress.get()) >= 0 ? byLogin.get() : byAddress.get());
        }
        return byLogin.isPresent() ? byLogin : byAddress;
    }

    /** Counts a failed sign-in. */
    public void failed(String login, String address) {
        Instant now = clock.instant();
        add(logins, key(login), perAccount, now);
        add(addresses, address, perAddress, now);
    }

    /** Clears the login's failures after a successful sign-in. */
    public void succeeded(String login) {
        logins.remove(key(login));
    }

    /** How many logins and addresses have failures remembered (tests: memory stays bounded). */
    int trackedKeys() {
        return logins.size() + addresses.size();
    }

    private Optional<Duration> wait(Map<String, Deque<Instant>> table, String key, int limit, Instant now) {
        Instant[] oldest = new Instant[1];
        table.computeIfPresent(key, (ignored, failures) -> {
            expire(failures, now);
            if (failures.size() >= limit) {
                oldest[0] = failures.peekFirst();
            }
            return failures.isEmpty() ? null : failures;
        });
        return oldest[0] == null ? Optional.empty() : Optional.of(Duration.between(now, oldest[0].plus(window)));
    }

    private void add(Map<String, Deque<Instant>> table, String key, int limit, Instant now) {
        if (table.size() > PRUNE_AT) {
            for (String known : table.keySet()) {
                table.computeIfPresent(known, (ignored, failures) -> {
                    expire(failures, now);
                    return failures.isEmpty() ? null : failures;
                });
            }
        }
        table.compute(key, (ignored, failures) -> {
            Deque<Instant> kept = failures == null ? new ArrayDeque<>() : failures;
            expire(kept, now);
            kept.addLast(now);
            // Only the newest `limit` failures matter: the oldest of them decides the wait.
            while (kept.size() > limit) {
                kept.removeFirst();
            }
            return kept;
        });
    }

    private void expire(Deque<Instant> failures, Instant now) {
        Instant horizon = now.minus(window);
        while (!failures.isEmpty() && !failures.peekFirst().isAfter(horizon)) {
            failures.removeFirst();
        }
    }

    private static String key(String login) {
        return login.toLowerCase(Locale.ROOT);
    }
}
