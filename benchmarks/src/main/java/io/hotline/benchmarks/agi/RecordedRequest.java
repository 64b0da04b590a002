package io.hotline.benchmarks.agi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The environment block a real Asterisk 22 sent at the start of a FastAGI session, read from a transcript's
 * {@code *.agi1-recv.raw} (everything up to the empty line), replayed once per generated session with its own
 * {@code agi_uniqueid} (which is also the linkedid), channel name and caller number. Immutable; thread-safe.
 */
public final class RecordedRequest {
    private final List<String[]> lines;
    private final String dnis;

    private RecordedRequest(List<String[]> lines, String dnis) {
        this.lines = List.copyOf(lines);
        this.dnis = dnis;
    }

    /** Reads the environment block of {@code transcript}. */
    public static RecordedRequest read(Path transcript) throws IOException {
        String text = new String(Files.readAllBytes(transcript), StandardCharsets.UTF_8);
        int end = text.indexOf("\n\n");
        if (end < 0) {
            throw new IOException(transcript + " holds no AGI environment block (no empty line)");
        }
        List<String[]> lines = new ArrayList<>();
        String dnis = null;
        for (String line : text.substring(0, end).split("\n", -1)) {
            int colon = line.indexOf(':');
            if (colon <= 0 || !line.startsWith("agi_")) {
                throw new IOException(transcript + ": not an AGI environment line: " + line);
            }
            String key = line.substring(0, colon);
            String value = line.substring(colon + 1).startsWith(" ") ? line.substring(colon + 2)
                    : line.substring(colon + 1);
            lines.add(new String[] {key, value});
            if ("agi_network_script".equals(key) && value.contains("dnis=")) {
                String query = value.substring(value.indexOf("dnis=") + "dnis=".length());
                dnis = query.contains("&") ? query.substring(0, query.indexOf('&')) : query;
            }
        }
        return new RecordedRequest(lines, dnis);
    }

    /** The {@code dnis} parameter of the recorded AGI URL, or null. */
    String dnis() {
        return dnis;
    }

    /** The block for one session, ending with the empty line, as UTF-8 bytes. */
    public byte[] forSession(String uniqueId, String channel, String callerNumber) {
        return forSession(uniqueId, channel, callerNumber, null);
    }

    /**
     * The block for one session of the AGI path and query {@code script} ({@code null}: the recorded one), e.g.
     * {@code answered?call=1.2&seat=S1}: {@code agi_network_script} and {@code agi_request} name it.
     */
    public byte[] forSession(String uniqueId, String channel, String callerNumber, String script) {
        StringBuilder block = new StringBuilder(768);
        for (String[] line : lines) {
            String value = switch (line[0]) {
                case "agi_uniqueid", "agi_arg_2" -> uniqueId;
                case "agi_channel" -> channel;
                case "agi_callerid", "agi_arg_1" -> callerNumber;
                case "agi_network_script" -> script == null ? line[1] : script;
                case "agi_request" -> script == null ? line[1] : "agi://127.0.0.1:4573/" + script;
                default -> line[1];
            };
            block.append(line[0]).append(": ").append(value).append('\n');
        }
        return block.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }
}
