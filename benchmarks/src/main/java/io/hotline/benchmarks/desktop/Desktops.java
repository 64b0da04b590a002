package io.hotline.benchmarks.desktop;

import io.hotline.web.push.PushClient;
import io.hotline.web.push.PushClients;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents' desktops: one account per seat (added through the admin API), signed in, and, for the first
 * {@code k} of them as a phase asks, the seat logged in and ready over HTTP with its WebSocket open on one shared
 * event-loop group; the others closed and logged out. Each {@code screen_pop} of phase {@code offered} completes
 * the future the call registered with {@link #expect(String)}, with the seat whose socket it came on and its
 * arrival's {@link System#nanoTime()}. Like the page, every open desktop sends {@code {"type":"ping"}} every 30 s
 * (the hub closes a connection silent for 75 s).
 * <p>
 * Thread-safe: {@link #arrange(int)} is called from the control thread between phases; pops arrive on the
 * clients' event loops.
 */
final class Desktops implements AutoCloseable {
    /** A pop as it arrived: on which seat's desktop, and when. */
    record Arrival(String seat, long nanos) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Desktops.class);
    private static final String PASSWORD = "bench-agent-pass";

    private final AgentApi api;
    private final URI push;
    private final List<String> seats;
    private final List<String> tokens = new ArrayList<>();
    /** Written by the control thread, read by the pinger: a missed ping of a new desktop is harmless. */
    private final PushClient[] open;
    private final PushClients clients;
    private final Map<String, CompletableFuture<Arrival>> expected = new ConcurrentHashMap<>();
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "desktop-pinger");
        thread.setDaemon(true);
        return thread;
    });

    Desktops(AgentApi api, URI push, List<String> seats, int eventLoopThreads) {
        this.api = api;
        this.push = push;
        this.seats = List.copyOf(seats);
        this.open = new PushClient[seats.size()];
        this.clients = new PushClients(eventLoopThreads);
        pinger.scheduleAtFixedRate(this::pingAll, 30, 30, TimeUnit.SECONDS);
    }

    private void pingAll() {
        for (int i = 0; i < open.length; i++) {
            PushClient client = open[i];
            if (client != null && client.isOpen()) {
                client.ping();
            }
        }
    }

    /** Adds an agent for every seat and signs each in ({@code parallel} requests at a time). */
    void signIn(String adminToken, int parallel) throws InterruptedException {
        String[] signed = new String[seats.size()];
        forEach(parallel, index -> {
            String login = "bench-" + seats.get(index).toLowerCase(java.util.Locale.ROOT);
            api.addAgent(adminToken, login, seats.get(index), PASSWORD);
            signed[index] = api.login(login, PASSWORD);
        });
        tokens.addAll(List.of(signed));
        LOG.info("{} agents added and signed in", tokens.size());
    }

    /** Leaves the first {@code connected} desktops open with their seats ready, the rest closed and logged out. */
    void arrange(int connected) throws InterruptedException {
        forEach(4, index -> {
            if (index < connected && open[index] == null) {
                open[index] = clients.connectWithBearer(push, tokens.get(index), message -> arrived(index, message))
                        .orTimeout(30, TimeUnit.SECONDS).join();
                AgentApi.Answer login = api.seat(tokens.get(index), "login");
                AgentApi.Answer ready = api.seat(tokens.get(index), "ready");
                if (!"READY".equals(AgentApi.state(ready))) {
                    throw new IllegalStateException("seat " + seats.get(index) + " not ready: login " + login
                            + ", ready " + ready);
                }
            } else if (index >= connected && open[index] != null) {
                api.seat(tokens.get(index), "logout");
                open[index].close();
                open[index] = null;
            }
        });
        LOG.info("{} desktops connected, their seats ready", connected);
    }

    /** How many desktops the arrangement left open have been closed since (by the server). */
    int dropped() {
        int dropped = 0;
        for (PushClient client : open) {
            if (client != null && !client.isOpen()) {
                dropped++;
            }
        }
        return dropped;
    }

    /** The future a call's offered pop completes; register it before the call is sent. */
    CompletableFuture<Arrival> expect(String callId) {
        CompletableFuture<Arrival> arrival = new CompletableFuture<>();
        expected.put(callId, arrival);
        return arrival;
    }

    void forget(String callId) {
        expected.remove(callId);
    }

    private void arrived(int index, PushClient.Received message) {
        if ("screen_pop".equals(message.type()) && "offered".equals(message.data().path("phase").asText())) {
            CompletableFuture<Arrival> arrival = expected.get(message.data().path("callId").asText());
            if (arrival != null) {
                arrival.complete(new Arrival(seats.get(index), message.arrivalNanos()));
            }
        }
    }

    private void forEach(int parallel, IntConsumer action) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < seats.size(); i++) {
                int index = i;
                done.add(pool.submit(() -> action.accept(index)));
            }
            for (Future<?> each : done) {
                each.get(120, TimeUnit.SECONDS);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("preparing the desktops failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public void close() {
        pinger.shutdownNow();
        clients.close();
    }
}
