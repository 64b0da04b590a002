package io.hotline.app.simulate;

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
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One AMI client connection of the {@link ManagerServer}, answering as Asterisk 22 does (recordings 00, 17, 20):
 * the banner, {@code Challenge}/{@code Login} (a refused login waits a second, answers
 * {@code Authentication failed} and closes, recording 00), then events once logged in, and the answer to each
 * action under the client's {@code ActionID}. Its reader thread answers; event writers share the write lock.
 */
final class ManagerSession {
    private static final String CRLF = "\r\n";
    private final ManagerServer server;
    private final Socket socket;
    private final Object writeLock = new Object();
    private final String challenge = Long.toString(ThreadLocalRandom.current().nextLong(100_000_000, 999_999_999));
    private volatile boolean loggedIn;

    ManagerSession(ManagerServer server, Socket socket) {
        this.server = server;
        this.socket = socket;
    }

    void serve() {
        try (socket) {
            write("Asterisk Call Manager/11.0.0" + CRLF);
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            Map<String, String> action = new LinkedHashMap<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int colon = line.indexOf(':');
                if (!line.isEmpty() && colon > 0) {
                    action.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim());
                } else if (line.isEmpty() && !action.isEmpty()) {
                    answer(action);
                    action = new LinkedHashMap<>();
                }
            }
        } catch (IOException e) {
            // the client went away, or the server closed
        } finally {
            server.ended(this);
        }
    }

    private void answer(Map<String, String> action) throws IOException {
        String name = action.getOrDefault("action", "").toLowerCase(Locale.ROOT);
        String id = action.getOrDefault("actionid", "");
        server.received(name);
        if (!loggedIn && !name.equals("challenge") && !name.equals("login")) {
            write(response("Error", id, "Permission denied"));
            return;
        }
        switch (name) {
            case "challenge" -> write("Response: Success" + CRLF + "ActionID: " + id + CRLF + "Challenge: " + challenge
                    + CRLF + CRLF);
            case "login" -> login(action, id);
            case "ping" -> write("Response: Success" + CRLF + "ActionID: " + id + CRLF + "Ping: Pong" + CRLF
                    + "Timestamp: " + System.currentTimeMillis() / 1000 + ".000000" + CRLF + CRLF);
            case "coresettings" -> write("Response: Success" + CRLF + "ActionID: " + id + CRLF
                    + "AMIversion: 11.0.0" + CRLF + "AsteriskVersion: 22.10.1" + CRLF + "SystemName: simulated" + CRLF
                    + "CoreMaxCalls: 0" + CRLF + CRLF);
            case "logoff" -> {
                write(response("Goodbye", id, "Thanks for all the fish."));
                socket.close();
            }
            case "coreshowchannels" -> write(channels(id));
            case "devicestatelist" -> write(deviceStates(id));
            case "hangup" -> write(hangup(action, id));
            case "redirect" -> write(redirect(action, id));
            case "originate" -> write(response("Error", id, "Originate is not simulated"));
            default -> write(response("Error", id, "Invalid/unknown command"));
        }
    }

    private void login(Map<String, String> action, String id) throws IOException {
        ManagerServer.Credentials expected = server.credentials();
        String secret = expected.secret();
        boolean accepted = expected.username().equals(action.get("username")) && (secret.isEmpty()
                || md5(challenge + secret).equalsIgnoreCase(action.getOrDefault("key", ""))
                || secret.equals(action.get("secret")));
        if (!accepted) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            write(response("Error", id, "Authentication failed"));
            socket.close();
            return;
        }
        write(response("Success", id, "Authentication accepted"));
        write("Event: FullyBooted" + CRLF + "Privilege: system,all" + CRLF + "Uptime: 1" + CRLF + "LastReload: 1"
                + CRLF + "Status: Fully Booted" + CRLF + CRLF);
        loggedIn = true;
        server.loggedIn(this, socket.getRemoteSocketAddress().toString());
    }

    private String channels(String id) {
        StringBuilder text = new StringBuilder("Response: Success" + CRLF + "ActionID: " + id + CRLF
                + "EventList: start" + CRLF + "Message: Channels will follow" + CRLF + CRLF);
        int count = 0;
        for (SimulatedChannel channel : server.pbx().liveChannels()) {
            text.append(server.formats().coreShowChannel(channel, id));
            count++;
        }
        return text.append("Event: CoreShowChannelsComplete").append(CRLF).append("ActionID: ").append(id)
                .append(CRLF).append("EventList: Complete").append(CRLF).append("ListItems: ").append(count)
                .append(CRLF).append(CRLF).toString();
    }

    private String deviceStates(String id) {
        Map<String, String> states = server.devices().snapshot();
        StringBuilder text = new StringBuilder("Response: Success" + CRLF + "ActionID: " + id + CRLF
                + "EventList: start" + CRLF + "Message: Device State Changes will follow" + CRLF + CRLF);
        states.forEach((device, state) -> text.append("Event: DeviceStateChange").append(CRLF).append("ActionID: ")
                .append(id).append(CRLF).append("Device: ").append(device).append(CRLF).append("State: ")
                .append(state).append(CRLF).append(CRLF));
        return text.append("Event: DeviceStateListComplete").append(CRLF).append("ActionID: ").append(id).append(CRLF)
                .append("EventList: Complete").append(CRLF).append("ListItems: ").append(states.size()).append(CRLF)
                .append(CRLF).toString();
    }

    /** {@code Hangup}: ends the live channel (recording 17: without a cause, a ringing leg's Dial gets CHANUNAVAIL). */
    private String hangup(Map<String, String> action, String id) {
        Optional<SimulatedChannel> channel = server.pbx().liveChannel(action.getOrDefault("channel", ""));
        if (channel.isEmpty()) {
            return response("Error", id, "No such channel");
        }
        int cause = parseCause(action.get("cause"));
        server.notice("Hotline hangs up " + channel.get().name() + " over AMI");
        channel.get().hangUpNow("hung up by AMI", cause);
        return response("Success", id, "Channel Hungup");
    }

    /** {@code Redirect}: moves the live channel to {@code Context,Exten,1} (recording 20). */
    private String redirect(Map<String, String> action, String id) {
        Optional<SimulatedChannel> channel = server.pbx().liveChannel(action.getOrDefault("channel", ""));
        if (channel.isEmpty()) {
            return response("Error", id, "Channel specified does not exist");
        }
        String context = action.getOrDefault("context", "");
        String exten = action.getOrDefault("exten", "");
        if (!server.pbx().hasExtension(context, exten) || !channel.get().redirect(context, exten)) {
            return response("Error", id, "Redirect failed");
        }
        server.notice("Hotline redirects " + channel.get().name() + " (caller " + channel.get().callerNumber()
                + ") to " + context + "," + exten + " over AMI");
        return response("Success", id, "Redirect successful");
    }

    private static int parseCause(String cause) {
        try {
            return cause == null || cause.isBlank() ? 16 : Integer.parseInt(cause.trim());
        } catch (NumberFormatException e) {
            return 16;
        }
    }

    private static String response(String response, String id, String message) {
        return "Response: " + response + CRLF + "ActionID: " + id + CRLF + "Message: " + message + CRLF + CRLF;
    }

    /** Sends an event to a logged-in client; a client that went away is closed and forgotten. */
    void event(String block) {
        if (!loggedIn) {
            return;
        }
        try {
            write(block);
        } catch (IOException e) {
            close();
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

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
