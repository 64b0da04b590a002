package io.hotline.app.simulate;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The simulated PBX's Asterisk Manager Interface: a TCP server where Hotline (the AMI client) logs in as it would
 * to Asterisk 22 (banner {@code Asterisk Call Manager/11.0.0}, MD5 challenge or plain secret), then receives the
 * PBX's events ({@link ManagerEvents}, {@link DeviceStates}) and has its actions answered
 * ({@link ManagerSession}): {@code Ping}, {@code CoreSettings}, {@code CoreShowChannels}, {@code DeviceStateList},
 * {@code Hangup} and {@code Redirect} act on the simulated channels; {@code Originate} is refused (not simulated).
 * One accept thread and one daemon thread per client; events go to every logged-in client under its write lock.
 * Thread-safe.
 */
public final class ManagerServer implements AutoCloseable {
    private final ServerSocket listener;
    private final SimulatedAsterisk pbx;
    private final Credentials credentials;
    private final List<ManagerSession> sessions = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> actions = new ConcurrentHashMap<>();
    private final AtomicInteger events = new AtomicInteger();
    private final AtomicInteger logins = new AtomicInteger();
    private final DeviceStates devices = new DeviceStates(this::broadcast);
    private final ManagerEvents channelEvents = new ManagerEvents(this::broadcast, devices);
    private volatile Consumer<String> notices = line -> { };

    /**
     * Who may log in: the user, and the secret (empty: any secret is accepted, for a Hotline whose secret the
     * simulation was not told).
     *
     * @param username the AMI user
     * @param secret   its secret, or empty
     */
    public record Credentials(String username, String secret) {
        @Override
        public String toString() {
            return "Credentials[" + username + ", secret " + (secret.isEmpty() ? "not checked" : "***") + "]";
        }
    }

    private ManagerServer(ServerSocket listener, SimulatedAsterisk pbx, Credentials credentials) {
        this.listener = listener;
        this.pbx = pbx;
        this.credentials = credentials;
    }

    /** Listens on {@code host:port} for {@code pbx}, whose channels it reports from now on. */
    public static ManagerServer start(String host, int port, SimulatedAsterisk pbx, Credentials credentials)
            throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 50);
        ManagerServer server = new ManagerServer(socket, pbx, credentials);
        Thread accept = new Thread(server::acceptLoop, "ami-server-accept");
        accept.setDaemon(true);
        accept.start();
        return server;
    }

    /** What the PBX's channels do, as AMI events: install with {@link SimulatedAsterisk#listen}. */
    public PbxListener channelEvents() {
        return channelEvents;
    }

    /** A phone registered (e.g. a seat's softphone): its device is reported idle. */
    public void register(String device) {
        devices.register(device);
    }

    /**
     * Tells {@code listener} in one readable line of each login and each action that changes a call (Hangup,
     * Redirect), e.g. {@code Hotline logs in over AMI (from /127.0.0.1:40934)}.
     */
    public void onNotice(Consumer<String> listener) {
        this.notices = listener;
    }

    /** The port it listens on. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Successful logins so far. */
    public int logins() {
        return logins.get();
    }

    /** Events sent so far, counted once per event (not per client). */
    public int eventsSent() {
        return events.get();
    }

    /** The actions received so far by name, logins included. */
    public Map<String, Integer> actionsReceived() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        actions.forEach((name, count) -> counts.put(name, count.get()));
        return counts;
    }

    SimulatedAsterisk pbx() {
        return pbx;
    }

    Credentials credentials() {
        return credentials;
    }

    DeviceStates devices() {
        return devices;
    }

    ManagerEvents formats() {
        return channelEvents;
    }

    void received(String action) {
        actions.computeIfAbsent(action, key -> new AtomicInteger()).incrementAndGet();
    }

    void loggedIn(ManagerSession session, String client) {
        logins.incrementAndGet();
        notice("Hotline logs in over AMI (from " + client + ")");
    }

    void notice(String line) {
        notices.accept(line);
    }

    void ended(ManagerSession session) {
        sessions.remove(session);
    }

    private void broadcast(String event) {
        events.incrementAndGet();
        for (ManagerSession session : sessions) {
            session.event(event);
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                ManagerSession session = new ManagerSession(this, socket);
                sessions.add(session);
                Thread thread = new Thread(session::serve, "ami-server-" + socket.getPort());
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Stops listening and closes every client's connection (Hotline sees Asterisk go away and retries). */
    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sessions.forEach(ManagerSession::close);
    }
}
