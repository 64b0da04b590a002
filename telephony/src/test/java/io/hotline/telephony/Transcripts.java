package io.hotline.telephony;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The recorded Asterisk traffic in {@code testdata/asterisk-transcripts}, read as the bytes and records it holds. */
public final class Transcripts {
    /** Where the recordings are, from a module's directory (Maven's working directory for tests). */
    public static final Path DIRECTORY = Path.of("..", "testdata", "asterisk-transcripts");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Transcripts() {
    }

    /** One record of a {@code .jsonl} file. */
    public record Record(int seq, double t, String channel, String dir, String kind, String data) {
    }

    /** The exact bytes of {@code file}, e.g. {@code 12-agi-command-catalog.agi1-recv.raw}. */
    public static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(DIRECTORY.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records of scenario {@code name} on channel {@code channel} (e.g. {@code agi1}), in order. */
    public static List<Record> records(String name, String channel) {
        List<Record> records = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(DIRECTORY.resolve(name + ".jsonl"))) {
                JsonNode node = JSON.readTree(line);
                if (channel.equals(node.path("ch").asText())) {
                    records.add(new Record(node.path("seq").asInt(), node.path("t").asDouble(), channel,
                            node.path("dir").asText(), node.path("kind").asText(), node.path("data").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    /** Every scenario that has a FastAGI session, with its {@code .agiN-recv.raw} file names. */
    public static List<String> agiRecordings() {
        try (var files = Files.list(DIRECTORY)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.matches(".*\\.agi\\d+-recv\\.raw")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
