package io.hotline.benchmarks.ami;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client of the {@link EventFloodServer}, played as Asterisk 22 does: the banner, then an answer to each action
 * with the client's own ActionID (asterisk-java's {@code Challenge} and MD5 {@code Login}, {@code CoreSettings},
 * {@code Ping}, {@code Logoff}, and Hotline's resync: {@code CoreShowChannels} and {@code DeviceStateList} as empty
 * lists). After the login it sends the recording's once-per-login events. Its reader thread answers actions; the
 * flood is written from another thread, so every write holds the write lock and writes whole blocks only.
 * Thread-safe.
 */
final class FloodConnection {
    private static final Logger LOG = LoggerFactory.getLogger(FloodConnection.class);
    private static final String CHALLENGE = "840415273";
    /** A client sends a few dozen lines; the bound only keeps a misbehaving one from reading forever. */
    private static final int MAX_LINES = 100_000;

    private final Socket socket;
    private final String username;
    private final String secret;
    private final byte[] greeting;
    private final Object writeLock = new Object();
    private final CountDownLatch loggedIn = new CountDownLatch(1);

    FloodConnection(Socket socket, String username, String secret, byte[] greeting) {
        this.socket = socket;
        this.username = username;
        this.secret = secret;
        this.greeting = greeting;
    }

    /** Whether the client has logged in. */
    boolean isLoggedIn() {
        return loggedIn.getCount() == 0;
    }

    /** Reads and answers actions until the client leaves, the socket is closed or times out, or MAX_LINES. */
    void serve() {
        try (socket) {
            write("Asterisk Call Manager/11.0.0\r\n");
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            Map<String, String> action = new LinkedHashMap<>();
            String line = reader.readLine();
            for (int lines = 0; line != null && lines < MAX_LINES; lines++, line = reader.readLine()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    // asterisk-java writes header names in lower case ("action: Challenge"); Asterisk ignores case.
                    action.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim());
                } else if (line.isEmpty() && !action.isEmpty()) {
                    answer(action);
                    action = new LinkedHashMap<>();
                }
            }
        } catch (IOException e) {
            // the client logged off, went away or timed out; the socket is closed either way
            LOG.debug("flood client {} ended: {}", socket.getRemoteSocketAddress(), e.toString());
        }
    }

    private void answer(Map<String, String> action) throws IOException {
        String name = action.getOrDefault("action", "").toLowerCase(Locale.ROOT);
        String id = "ActionID: " + action.getOrDefault("actionid", "") + "\r\n";
        switch (name) {
            case "challenge" -> write("Response: Success\r\n" + id + "Challenge: " + CHALLENGE + "\r\n\r\n");
            case "login" -> login(action, id);
            case "coresettings" -> write("Response: Success\r\n" + id + "AMIversion: 11.0.0\r\n"
                    + "AsteriskVersion: 22.10.1\r\nSystemName: lab\r\nCoreMaxCalls: 0\r\n\r\n");
            case "ping" -> write("Response: Success\r\n" + id + "Ping: Pong\r\nTimestamp: 1795347580.000000\r\n\r\n");
            case "coreshowchannels" -> write(emptyList(id, "Channels will follow", "CoreShowChannelsComplete"));
            case "devicestatelist" -> write(emptyList(id, "Device State Changes will follow",
                    "DeviceStateListComplete"));
            case "logoff" -> {
                write("Response: Goodbye\r\n" + id + "Message: Thanks for all the fish.\r\n\r\n");
                socket.close();
            }
            default -> write("Response: Success\r\n" + id + "\r\n");
        }
    }

    private static String emptyList(String id, String message, String complete) {
        return "Response: Success\r\n" + id + "EventList: start\r\nMessage: " + message + "\r\n\r\n"
                + "Event: " + complete + "\r\n" + id + "EventList: Complete\r\nListItems: 0\r\n\r\n";
    }

    private void login(Map<String, String> action, String id) throws IOException {
        boolean accepted = username.equals(action.get("username"))
                && md5(CHALLENGE + secret).equalsIgnoreCase(action.getOrDefault("key", ""));
        if (!accepted) {
            write("Response: Error\r\n" + id + "Message: Authentication failed\r\n\r\n");
            return;
        }
        write("Response: Success\r\n" + id + "Message: Authentication accepted\r\n\r\n");
        write(greeting, greeting.length);
        loggedIn.countDown();
    }

    private void write(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(bytes, bytes.length);
    }

    /** Writes the first {@code length} bytes of {@code bytes}, which must end at a block boundary. */
    void write(byte[] bytes, int length) throws IOException {
        synchronized (writeLock) {
            OutputStream out = socket.getOutputStream();
            out.write(bytes, 0, length);
            out.flush();
        }
    }

    /** Closes the socket, as when Asterisk goes away. */
    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }
}
