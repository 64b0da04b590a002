package io.hotline.telephony.ami;

import io.hotline.telephony.Transcripts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake Asterisk manager interface on 127.0.0.1 for tests: it speaks the banner, answers asterisk-java's
 * {@code Challenge} and MD5 {@code Login}, {@code CoreSettings}, {@code Ping} and any other action with the
 * client's own ActionID, and after each login plays the next queued recording ({@code .ami-recv.raw}) byte for
 * byte, minus the recorded banner and login response and minus the recorder's own action answers, which instead
 * answer the client's actions of the same name (a resync's {@code CoreShowChannels} gets the recorded channel list).
 * With {@link #afterLoginActing}, the recorder's own {@code Hangup} and {@code Redirect} (recordings 17, 20, 04a)
 * are played as Asterisk does: the events recorded after them are held back until the client sends that action,
 * then answered with the recorded response and followed by those events. One daemon thread per client reads, one plays.
 */
public final class ScriptedAmiServer implements AutoCloseable {
    private static final String CHALLENGE = "840415273";
    private final ServerSocket listener;
    private final Queue<Session> sessions = new ConcurrentLinkedQueue<>();
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> actions = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile String username = "cti";
    private volatile String secret = "cti-secret";

    private ScriptedAmiServer(ServerSocket listener) {
        this.listener = listener;
    }

    /** Listens on 127.0.0.1:{@code port} (0 for a free port) and accepts clients on a daemon thread. */
    public static ScriptedAmiServer start(int port) {
        try {
            ServerSocket socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            ScriptedAmiServer server = new ScriptedAmiServer(socket);
            daemon("scripted-ami-accept", server::acceptLoop).start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The credentials it accepts (default {@code cti} / {@code cti-secret}). */
    public ScriptedAmiServer secret(String newUsername, String newSecret) {
        this.username = newUsername;
        this.secret = newSecret;
        return this;
    }

    /**
     * Queues a recording for the next connection that logs in: its events are played at once; its answers to the
     * recorder's actions (ActionIDs like {@code coreshowchannels-2}) answer the client's action of that name.
     */
    public ScriptedAmiServer afterLogin(String transcriptFile) {
        sessions.add(Session.of(new String(Transcripts.bytes(transcriptFile), StandardCharsets.UTF_8), false));
        return this;
    }

    /**
     * As {@link #afterLogin}, for a client that itself sends the recorder's {@code Hangup} or {@code Redirect}: the
     * events recorded after that action are played only once the client has sent it (as Asterisk would).
     */
    public ScriptedAmiServer afterLoginActing(String transcriptFile) {
        sessions.add(Session.of(new String(Transcripts.bytes(transcriptFile), StandardCharsets.UTF_8), false, true));
        return this;
    }

    /**
     * As {@link #afterLogin}, but plays only once the client has asked for its channel list (so its login is
     * complete when the stream ends), then closes the socket as Asterisk does after {@code Shutdown} (a restart).
     */
    public ScriptedAmiServer afterLoginThenClose(String transcriptFile) {
        sessions.add(Session.of(new String(Transcripts.bytes(transcriptFile), StandardCharsets.UTF_8), true));
        return this;
    }

    /** Queues AMI text written here (for what no recording shows, e.g. a PJSIP contact turning unreachable). */
    public ScriptedAmiServer afterLoginText(String blocks) {
        sessions.add(Session.of("Asterisk Call Manager/11.0.0\r\n" + blocks, false));
        return this;
    }

    /** Every action received, header names in lower case (a login's key shown as {@code ***}). */
    public List<Map<String, String>> actionsReceived() {
        return List.copyOf(actions);
    }

    /** Connections accepted so far. */
    public int connections() {
        return accepted.get();
    }

    /**
     * Ends a channel without telling anyone, as when its {@code Hangup} event was lost: later channel lists no longer
     * name it.
     */
    public void endSilently(String uniqueId) {
        for (Client client : clients) {
            synchronized (client.writeLock) {
                client.session.live.remove(uniqueId);
            }
        }
    }

    /** Closes every client's socket at once, as when Asterisk goes away; the listener stays open. */
    public void dropClients() {
        for (Client client : clients) {
            client.close();
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        dropClients();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                accepted.incrementAndGet();
                Client client = new Client(socket);
                clients.add(client);
                daemon("scripted-ami-client-" + accepted.get(), client::serve).start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    /** One connected client: reads its actions and answers them; plays the recording after login. */
    private final class Client {
        private final Socket socket;
        private final Object writeLock = new Object();
        private volatile Session session = Session.of("", false);

        Client(Socket socket) {
            this.socket = socket;
        }

        void serve() {
            try (socket) {
                write("Asterisk Call Manager/11.0.0\r\n");
                BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8));
                Map<String, String> action = new LinkedHashMap<>();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isEmpty()) {
                        int colon = line.indexOf(':');
                        if (colon > 0) {
                            // A header sent more than once (Originate's Variable) keeps every value, one a line.
                            action.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                    line.substring(colon + 1).trim(), (first, next) -> first + "\n" + next);
                        }
                        continue;
                    }
                    if (!action.isEmpty()) {
                        answer(action);
                        action = new LinkedHashMap<>();
                    }
                }
            } catch (IOException e) {
                // the client went away or was dropped
            } finally {
                clients.remove(this);
            }
        }

        private void answer(Map<String, String> action) throws IOException {
            Map<String, String> shown = new LinkedHashMap<>(action);
            shown.computeIfPresent("key", (name, value) -> "***");
            shown.computeIfPresent("secret", (name, value) -> "***");
            actions.add(shown);
            String name = action.getOrDefault("action", "").toLowerCase(Locale.ROOT);
            String id = action.getOrDefault("actionid", "");
            switch (name) {
                case "challenge" -> write("Response: Success\r\nActionID: " + id + "\r\nChallenge: " + CHALLENGE
                        + "\r\n\r\n");
                case "login" -> login(action, id);
                case "coresettings" -> write("Response: Success\r\nActionID: " + id + "\r\nAMIversion: 11.0.0\r\n"
                        + "AsteriskVersion: 22.10.1\r\nSystemName: lab\r\nCoreMaxCalls: 0\r\n\r\n");
                case "ping" -> write("Response: Success\r\nActionID: " + id + "\r\nPing: Pong\r\n"
                        + "Timestamp: 1795347580.000000\r\n\r\n");
                case "logoff" -> {
                    write("Response: Goodbye\r\nActionID: " + id + "\r\nMessage: Thanks for all the fish.\r\n\r\n");
                    socket.close();
                }
                default -> {
                    synchronized (writeLock) {
                        write(session.answer(name, id));
                    }
                    if (Session.GATED.contains(name)) {
                        session.gate(name).countDown();
                    }
                }
            }
        }

        private void login(Map<String, String> action, String id) throws IOException {
            boolean accepted = username.equals(action.get("username"))
                    && (md5(CHALLENGE + secret).equalsIgnoreCase(action.getOrDefault("key", ""))
                    || secret.equals(action.get("secret")));
            if (!accepted) {
                write("Response: Error\r\nActionID: " + id + "\r\nMessage: Authentication failed\r\n\r\n");
                return;
            }
            write("Response: Success\r\nActionID: " + id + "\r\nMessage: Authentication accepted\r\n\r\n");
            Session next = sessions.poll();
            if (next != null) {
                session = next;
                daemon("scripted-ami-play", () -> play(next)).start();
            }
        }

        private void play(Session played) {
            try {
                if (played.closeAfter && !played.resyncAsked.await(10, TimeUnit.SECONDS)) {
                    return;
                }
                for (String block : played.events) {
                    if (block.startsWith(Session.GATE)) {
                        // Asterisk sends what follows only once the client has sent this action.
                        if (!played.gate(block.substring(Session.GATE.length())).await(20, TimeUnit.SECONDS)) {
                            return;
                        }
                        continue;
                    }
                    synchronized (writeLock) {
                        write(block);
                        played.played(block);
                    }
                }
                if (played.closeAfter) {
                    socket.close();
                }
            } catch (IOException e) {
                // dropped mid-recording, as intended by dropClients
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void write(String text) throws IOException {
            synchronized (writeLock) {
                OutputStream out = socket.getOutputStream();
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /**
     * One login's script: the events to play, the recorded answers to actions by action name, and the channels
     * Asterisk would list now (those the recorded {@code CoreShowChannels} named, plus every {@code Newchannel}
     * played since, minus every {@code Hangup} played) and each device's last played state, so a resync's
     * {@code CoreShowChannels} and {@code DeviceStateList} get what a real Asterisk would answer at that point of
     * the stream. Used under the client's write lock.
     */
    private static final class Session {
        private static final Pattern RECORDED_ID = Pattern.compile("(?m)^ActionID: ([a-z]+)-(\\d+)\r\n");
        private static final String ID_PLACEHOLDER = "ActionID: ${id}\r\n";
        /** Marks, among the events, where the recorder sent an action whose effects follow in the recording. */
        static final String GATE = "\u0000gate:";
        /** The recorder's actions that gate the events after them. */
        static final Set<String> GATED = Set.of("hangup", "redirect");
        final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
        final List<String> events = new ArrayList<>();
        final Map<String, Queue<List<String>>> answers = new LinkedHashMap<>();
        final Map<String, String> live = new LinkedHashMap<>();
        final Map<String, String> deviceStates = new LinkedHashMap<>();
        final boolean closeAfter;
        final CountDownLatch resyncAsked = new CountDownLatch(1);

        private Session(boolean closeAfter) {
            this.closeAfter = closeAfter;
        }

        static Session of(String recording, boolean closeAfter) {
            return of(recording, closeAfter, false);
        }

        static Session of(String recording, boolean closeAfter, boolean gated) {
            Session session = new Session(closeAfter);
            Map<String, List<String>> byId = new LinkedHashMap<>();
            for (String block : recording.isEmpty() ? List.<String>of() : blocksAfterLogin(recording)) {
                Matcher id = RECORDED_ID.matcher(block);
                if (id.find()) {
                    String actionId = id.group(1) + "-" + id.group(2);
                    if (gated && GATED.contains(id.group(1)) && !byId.containsKey(actionId)) {
                        session.events.add(GATE + id.group(1));
                    }
                    byId.computeIfAbsent(actionId, key -> {
                        List<String> group = new ArrayList<>();
                        session.answers.computeIfAbsent(id.group(1), name -> new ConcurrentLinkedQueue<>()).add(group);
                        return group;
                    }).add(block);
                } else if (block.startsWith("Event: ")) {
                    session.events.add(block);
                }
            }
            Queue<List<String>> listed = session.answers.get("coreshowchannels");
            if (listed != null && !listed.isEmpty()) {
                for (String block : listed.peek()) {
                    if (block.startsWith("Event: CoreShowChannel\r\n")) {
                        session.live.put(header(block, "Uniqueid"),
                                RECORDED_ID.matcher(block).replaceFirst(Matcher.quoteReplacement(ID_PLACEHOLDER)));
                    }
                }
            }
            return session;
        }

        /** Opened when the client sends the action {@code name}. */
        CountDownLatch gate(String name) {
            return gates.computeIfAbsent(name, key -> new CountDownLatch(1));
        }

        /** Keeps the live channels up to date with {@code block}, just written to the client. */
        void played(String block) {
            if (block.startsWith("Event: Newchannel\r\n")) {
                live.put(header(block, "Uniqueid"), "Event: CoreShowChannel\r\n" + ID_PLACEHOLDER
                        + "Channel: " + header(block, "Channel") + "\r\nUniqueid: " + header(block, "Uniqueid")
                        + "\r\nLinkedid: " + header(block, "Linkedid") + "\r\n\r\n");
            } else if (block.startsWith("Event: Hangup\r\n")) {
                live.remove(header(block, "Uniqueid"));
            } else if (block.startsWith("Event: DeviceStateChange\r\n")) {
                deviceStates.put(header(block, "Device"), header(block, "State"));
            }
        }

        /** The answer to the client's action {@code name}, under the client's {@code actionId}. */
        String answer(String name, String actionId) {
            Queue<List<String>> recorded = answers.get(name);
            List<String> group = recorded == null ? null : recorded.poll();
            if (name.equals("coreshowchannels")) {
                StringBuilder text = new StringBuilder("Response: Success\r\nActionID: " + actionId
                        + "\r\nEventList: start\r\nMessage: Channels will follow\r\n\r\n");
                live.values().forEach(item -> text.append(item.replace("${id}", actionId)));
                resyncAsked.countDown();
                return text.append("Event: CoreShowChannelsComplete\r\nActionID: ").append(actionId)
                        .append("\r\nEventList: Complete\r\nListItems: ").append(live.size()).append("\r\n\r\n")
                        .toString();
            }
            if (name.equals("devicestatelist")) {
                StringBuilder text = new StringBuilder("Response: Success\r\nActionID: " + actionId
                        + "\r\nEventList: start\r\nMessage: Device State Changes will follow\r\n\r\n");
                deviceStates.forEach((device, state) -> text.append("Event: DeviceStateChange\r\nActionID: ")
                        .append(actionId).append("\r\nDevice: ").append(device).append("\r\nState: ").append(state)
                        .append("\r\n\r\n"));
                return text.append("Event: DeviceStateListComplete\r\nActionID: ").append(actionId)
                        .append("\r\nEventList: Complete\r\nListItems: ").append(deviceStates.size())
                        .append("\r\n\r\n").toString();
            }
            if (group != null) {
                StringBuilder text = new StringBuilder();
                for (String block : group) {
                    text.append(RECORDED_ID.matcher(block).replaceFirst(
                            Matcher.quoteReplacement("ActionID: " + actionId + "\r\n")));
                }
                return text.toString();
            }
            return "Response: Success\r\nActionID: " + actionId + "\r\n\r\n";
        }

        private static String header(String block, String name) {
            Matcher value = Pattern.compile("(?m)^" + name + ": ([^\r\n]*)\r\n").matcher(block);
            return value.find() ? value.group(1) : "";
        }
    }

    /** The recording's blocks (each with its blank line) after the banner and the recorded login response. */
    static List<String> blocksAfterLogin(String recording) {
        int start = recording.indexOf("\r\n") + 2;
        int login = recording.indexOf("ActionID: login-1\r\n", start);
        if (login >= 0) {
            start = recording.indexOf("\r\n\r\n", login) + 4;
        }
        List<String> blocks = new ArrayList<>();
        while (start < recording.length()) {
            int end = recording.indexOf("\r\n\r\n", start);
            int stop = end < 0 ? recording.length() : end + 4;
            blocks.add(recording.substring(start, stop));
            start = stop;
        }
        return blocks;
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
