package io.hotline.web.push;

import io.hotline.web.http.AuthenticatedUser;
import io.hotline.web.http.Authenticator;
import io.hotline.web.http.Json;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages' push channel: knows every open WebSocket connection by its user, seat and roles, and sends each
 * message as JSON {@code {"type":"...","at":"<ISO instant>","data":{...}}}, serialized once per send whatever the
 * number of receivers.
 *
 * <p>Sending never blocks: the message is queued on each connection's event loop and the call returns the number
 * of connections it was queued for (0 when the user is not connected; the caller decides whether that matters).
 * Each connection's queue is bounded by {@link PushConfig#maxQueuedBytes()}: a connection over it is a slow
 * consumer, closed with status 1013 (try again later) and counted in {@link #droppedConnections()}; its page
 * reconnects and reloads its state from its {@code hello}. Messages to one connection arrive in the order they
 * were sent from one thread.
 *
 * <p>A user is known by {@link AuthenticatedUser#name()}, roles by {@link AuthenticatedUser#roles()}, and the seat
 * of an agent by the {@code seatOf} function given to the constructor, asked once per connection.
 *
 * <p>Thread-safe: every public method may be called from any thread.
 */
public final class PushHub {

    /**
     * The WebSocket subprotocols the upgrade accepts, comma-separated, e.g. {@code hotline.wallboard}: a browser
     * cannot set {@code Authorization} on a WebSocket, so the wallboard's page offers this subprotocol and its
     * token as a second one ({@code bearer.<token>}), which the authenticator reads and the handshake never echoes.
     */
    public static final String SUBPROTOCOLS = "hotline.wallboard";

    private static final Logger LOG = LoggerFactory.getLogger(PushHub.class);

    private final PushConfig config;
    private final Function<AuthenticatedUser, Optional<String>> seatOf;
    private final Greeter greeter;
    private final InstantSource clock;
    private final Set<PushConnection> all = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<PushConnection>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Set<PushConnection>> bySeat = new ConcurrentHashMap<>();
    private final Map<String, Set<PushConnection>> byRole = new ConcurrentHashMap<>();
    private final LongAdder dropped = new LongAdder();

    /**
     * @param config  the endpoint's path, idle timeout and bounds
     * @param seatOf  the seat a user works at, if any (asked once when the user connects; must not block)
     * @param greeter the first messages of each new connection
     * @param clock   stamps {@code at} on every message
     */
    public PushHub(PushConfig config, Function<AuthenticatedUser, Optional<String>> seatOf, Greeter greeter,
            InstantSource clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.seatOf = Objects.requireNonNull(seatOf, "seatOf");
        this.greeter = Objects.requireNonNull(greeter, "greeter");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A hub with the {@linkplain PushConfig#defaults() default settings} and the system clock. */
    public PushHub(Function<AuthenticatedUser, Optional<String>> seatOf, Greeter greeter) {
        this(PushConfig.defaults(), seatOf, greeter, InstantSource.system());
    }

    /** The endpoint's settings. */
    public PushConfig config() {
        return config;
    }

    /** Sends to every connection of the user with this login; the number of connections it was queued for. */
    public int toUser(String login, String type, Object payload) {
        return send(byUser.get(login), type, payload);
    }

    /** Sends to every connection of the users working at this seat; the number of connections it was queued for. */
    public int toSeat(String seatId, String type, Object payload) {
        return send(bySeat.get(seatId), type, payload);
    }

    /** Sends to every connection of the users holding this role; the number of connections it was queued for. */
    public int toRole(String role, String type, Object payload) {
        return send(byRole.get(role), type, payload);
    }

    /**
     * Sends once to every connection whose user {@code who} accepts (e.g. the duty managers of one branch and the
     * supervisors); the number of connections it was queued for. {@code who} is asked once per open connection on
     * the caller's thread, so it must be cheap and must not block.
     */
    public int toMatching(Predicate<AuthenticatedUser> who, String type, Object payload) {
        Objects.requireNonNull(who, "who");
        Set<PushConnection> targets = new HashSet<>();
        for (PushConnection connection : all) {
            if (who.test(connection.user())) {
                targets.add(connection);
            }
        }
        return send(targets, type, payload);
    }

    /**
     * Sends once to every connection opened for {@code topic} ({@code /ws?topic=wallboard}) whose user {@code who}
     * accepts; the number of connections it was queued for. A page that did not ask for the topic never gets it,
     * whatever its user may see. {@code who} is asked on the caller's thread, so it must be cheap and not block.
     */
    public int toTopic(String topic, Predicate<AuthenticatedUser> who, String type, Object payload) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(who, "who");
        Set<PushConnection> targets = new HashSet<>();
        for (PushConnection connection : all) {
            if (connection.follows(topic) && who.test(connection.user())) {
                targets.add(connection);
            }
        }
        return send(targets, type, payload);
    }

    /** Sends to every connection; the number of connections it was queued for. */
    public int toAll(String type, Object payload) {
        return send(all, type, payload);
    }

    /**
     * Closes every connection of the user with this login with status 1008 (policy violation), e.g. when their
     * session is revoked or their account disabled; the number of connections closed.
     */
    public int closeUser(String login) {
        Set<PushConnection> connections = byUser.get(login);
        if (connections == null) {
            return 0;
        }
        int closed = 0;
        for (PushConnection connection : connections) {
            if (connection.close(PushConnection.POLICY_VIOLATION, "session ended")) {
                closed++;
            }
        }
        return closed;
    }

    /**
     * Closes every connection with status 1001 (going away), as the server stops, and waits up to {@code timeout}
     * for their close frames to be written (an event loop shutting down closes its channels before it runs the
     * writes still queued).
     *
     * @return whether every connection closed within the timeout
     */
    public boolean closeAll(Duration timeout) {
        List<PushConnection> closing = List.copyOf(all);
        for (PushConnection connection : closing) {
            connection.close(PushConnection.GOING_AWAY, "server stopping");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (PushConnection connection : closing) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0 || !connection.channel().closeFuture().awaitUninterruptibly(remaining,
                    TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    /** The connections open now (for the {@code hotline.push.connections} gauge). */
    public int connections() {
        return all.size();
    }

    /** Connections closed as slow consumers since start (for the {@code hotline.push.dropped} counter). */
    public long droppedConnections() {
        return dropped.sum();
    }

    /**
     * A new handler for one HTTP connection's pipeline that takes over requests to {@link PushConfig#path()} and
     * upgrades them, once {@code authenticator} accepts them, to push connections of this hub. Put before the
     * HTTP dispatcher; one per channel.
     */
    public ChannelHandler newUpgradeHandler(Authenticator authenticator) {
        return new PushUpgradeHandler(this, authenticator);
    }

    private int send(Set<PushConnection> targets, String type, Object payload) {
        if (targets == null || targets.isEmpty()) {
            return 0;
        }
        ByteBuf message = encode(type, payload);
        try {
            int queued = 0;
            for (PushConnection connection : targets) {
                if (connection.offer(message)) {
                    queued++;
                }
            }
            return queued;
        } finally {
            message.release();
        }
    }

    /** The envelope of every message; {@code at} is an ISO-8601 instant. */
    private record Envelope(String type, String at, Object data) {
    }

    /** A message as one unpooled buffer, to be sent as retained duplicates. */
    ByteBuf encode(String type, Object payload) {
        PushMessage message = new PushMessage(type, payload);
        byte[] json = Json.writeBytes(new Envelope(message.type(), clock.instant().toString(), message.data()));
        return Unpooled.wrappedBuffer(json);
    }

    Optional<String> seatOf(AuthenticatedUser user) {
        try {
            return Objects.requireNonNull(seatOf.apply(user), "seatOf returned null");
        } catch (RuntimeException e) {
            LOG.warn("Could not tell the seat of push user {}; they get no seat messages", user.name(), e);
            return Optional.empty();
        }
    }

    /** Makes a new connection reachable, then greets it; unregisters it when its channel closes. */
    void register(PushConnection connection) {
        all.add(connection);
        index(byUser, connection.user().name(), connection);
        connection.seat().ifPresent(seat -> index(bySeat, seat, connection));
        connection.user().roles().forEach(role -> index(byRole, role, connection));
        connection.channel().closeFuture().addListener(closed -> unregister(connection));
        LOG.debug("Push connection {} opened for {}", connection.id(), connection.user().name());
        greet(connection);
    }

    private void greet(PushConnection connection) {
        List<PushMessage> greeting;
        try {
            greeting = List.copyOf(greeter.greet(connection.user()));
        } catch (RuntimeException e) {
            LOG.error("Greeting push connection {} of {} failed", connection.id(), connection.user().name(), e);
            connection.close(PushConnection.INTERNAL_ERROR, "greeting failed");
            return;
        }
        for (PushMessage message : greeting) {
            send(Set.of(connection), message.type(), message.data());
        }
    }

    private void unregister(PushConnection connection) {
        if (!all.remove(connection)) {
            return;
        }
        unindex(byUser, connection.user().name(), connection);
        connection.seat().ifPresent(seat -> unindex(bySeat, seat, connection));
        connection.user().roles().forEach(role -> unindex(byRole, role, connection));
        LOG.debug("Push connection {} of {} closed", connection.id(), connection.user().name());
    }

    void countDropped(PushConnection connection) {
        dropped.increment();
        LOG.info("Closing push connection {} of {}: slow consumer, over {} bytes queued", connection.id(),
                connection.user().name(), config.maxQueuedBytes());
    }

    private static void index(Map<String, Set<PushConnection>> index, String key, PushConnection connection) {
        index.compute(key, (name, set) -> {
            Set<PushConnection> connections = set == null ? ConcurrentHashMap.newKeySet() : set;
            connections.add(connection);
            return connections;
        });
    }

    private static void unindex(Map<String, Set<PushConnection>> index, String key, PushConnection connection) {
        index.computeIfPresent(key, (name, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }
}
