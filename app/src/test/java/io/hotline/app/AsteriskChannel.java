package io.hotline.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * One Asterisk 22 channel playing the shipped dialplan's FastAGI sessions against a Hotline over loopback, as the
 * recordings in {@code testdata/asterisk-transcripts} show: each session sends a recorded {@code agi_*} block with
 * this channel's name and unique id, the dialplan's script, context and extension, then answers every command as
 * Asterisk did ({@code 200 result=1 (linkedid)} to {@code GET VARIABLE CHANNEL(linkedid)}, {@code 200 result=6} to
 * {@code CHANNEL STATUS} once the dialplan answered, {@code 200 result=0 endpos=..} to {@code STREAM FILE},
 * {@code 200 result=0} to music, {@code 200 result=1} to the rest).
 * <p>
 * The channel keeps its variables across its sessions, as Asterisk does: what one session set with
 * {@code SET VARIABLE} is what a later one reads with {@code GET VARIABLE} ({@code 200 result=1 (value)}), and a
 * variable never set reads {@code 200 result=0}. So the {@code escalate} script that runs on the caller's channel
 * after the seat's blind transfer reads the {@code HOTLINE_SEAT} that {@code route} set there.
 * <p>
 * Thread-safe for its variables; each {@link Session} is owned by one thread.
 */
final class AsteriskChannel {
    private static final Path TRANSCRIPTS = Path.of("..", "testdata", "asterisk-transcripts");

    private final String header;
    private final String name;
    private final String uniqueId;
    private final String linkedId;
    private final Map<String, String> variables = new ConcurrentHashMap<>();

    /**
     * @param recording the transcript whose first FastAGI session's {@code agi_*} block this channel sends (its
     *                  caller id and the like), e.g. {@code 01-queue-tier1-answered-caller-hangs-up.agi1-recv.raw}
     * @param name      the channel's name, e.g. {@code PJSIP/carrier-00000000}
     * @param uniqueId  its unique id
     * @param linkedId  the linkedid of the call it belongs to (its own unique id for the caller's channel)
     */
    AsteriskChannel(String recording, String name, String uniqueId, String linkedId) throws IOException {
        String recorded = Files.readString(TRANSCRIPTS.resolve(recording), StandardCharsets.UTF_8);
        this.header = recorded.substring(0, recorded.indexOf("\n\n") + 1);
        this.name = Objects.requireNonNull(name, "name");
        this.uniqueId = Objects.requireNonNull(uniqueId, "uniqueId");
        this.linkedId = Objects.requireNonNull(linkedId, "linkedId");
    }

    /** A channel variable as a session set it, or {@code null}. */
    String variable(String variable) {
        return variables.get(variable);
    }

    /**
     * Runs {@code AGI(agi://host:port/script)} at {@code context,extension,priority}: connects and sends the
     * request block. The dialplan passes no AGI arguments, so the recorded {@code agi_arg_*} lines are left out.
     */
    Session agi(InetSocketAddress hotline, String script, String context, String extension, int priority)
            throws IOException {
        StringBuilder request = new StringBuilder();
        for (String line : header.split("\n")) {
            String key = line.substring(0, line.indexOf(':'));
            String value = switch (key) {
                case "agi_network_script" -> script;
                case "agi_request" -> "agi://127.0.0.1:" + hotline.getPort() + "/" + script;
                case "agi_channel" -> name;
                case "agi_type" -> name.substring(0, name.indexOf('/'));
                case "agi_uniqueid" -> uniqueId;
                case "agi_context" -> context;
                case "agi_extension" -> extension;
                case "agi_priority" -> Integer.toString(priority);
                default -> line.substring(line.indexOf(':') + 1).strip();
            };
            if (!key.startsWith("agi_arg_")) {
                request.append(key).append(": ").append(value).append('\n');
            }
        }
        request.append('\n');
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", hotline.getPort()), 2_000);
        socket.setSoTimeout(30_000);
        Session session = new Session(socket);
        session.out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        session.out.flush();
        return session;
    }

    /** Asterisk's reply to {@code command} on this channel; a {@code SET VARIABLE} is kept. */
    private String reply(String command) {
        if (command.equals("GET VARIABLE CHANNEL(linkedid)")) {
            return "200 result=1 (" + linkedId + ")\n";
        }
        if (command.startsWith("GET VARIABLE ")) {
            String value = variables.get(unquote(command.substring("GET VARIABLE ".length())));
            return value == null ? "200 result=0\n" : "200 result=1 (" + value + ")\n";
        }
        if (command.startsWith("SET VARIABLE ")) {
            String rest = command.substring("SET VARIABLE ".length());
            int space = rest.startsWith("\"") ? rest.indexOf('"', 1) + 1 : rest.indexOf(' ');
            variables.put(unquote(rest.substring(0, space)), unquote(rest.substring(space + 1)));
            return "200 result=1\n";
        }
        if (command.equals("CHANNEL STATUS")) {
            return "200 result=6\n";
        }
        if (command.startsWith("STREAM FILE")) {
            return "200 result=0 endpos=16000\n";
        }
        return command.startsWith("SET MUSIC") ? "200 result=0\n" : "200 result=1\n";
    }

    private static String unquote(String text) {
        String stripped = text.strip();
        if (stripped.length() >= 2 && stripped.startsWith("\"") && stripped.endsWith("\"")) {
            return stripped.substring(1, stripped.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return stripped;
    }

    /** One FastAGI session of this channel. Owned by one thread. */
    final class Session implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        private Session(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            this.out = socket.getOutputStream();
        }

        /** Answers every command until Hotline ends the session; returns the commands in order. */
        List<String> answerAll() throws IOException {
            return answerUntil(command -> false);
        }

        /**
         * Answers commands until one matches {@code last} (answered too) or Hotline ends the session; returns them.
         */
        List<String> answerUntil(Predicate<String> last) throws IOException {
            List<String> commands = new ArrayList<>();
            String command;
            while ((command = in.readLine()) != null) {
                commands.add(command);
                out.write(reply(command).getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (last.test(command)) {
                    break;
                }
            }
            return commands;
        }

        /**
         * Answers every command until Hotline ends the session, however long it keeps the channel (a caller on
         * hold: Asterisk never gives up on its AGI server); returns them.
         */
        List<String> answerUntilClosed() throws IOException {
            socket.setSoTimeout(0);
            return answerAll();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
