package io.hotline.benchmarks.ami;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The event blocks of one recorded AMI session ({@code .ami-recv.raw}), ready to be replayed as a flood. The banner,
 * the recorded login response and every block that is not an event (responses to the recording client's actions)
 * are left out. The event blocks Asterisk sends once per login ({@link #ONCE_PER_LOGIN}) become the greeting, sent
 * once after each login; the rest, the call's events, is pre-encoded once into one repetition, so that replaying
 * it only copies bytes. Immutable; thread-safe.
 */
final class RecordedEvents {
    /** Events Asterisk sends once after a login, not once per call: repeating them would be no real stream. */
    static final Set<String> ONCE_PER_LOGIN = Set.of("FullyBooted", "SuccessfulAuth");
    private static final String EVENT = "Event:";
    private static final String BLOCK_END = "\r\n\r\n";

    private final byte[] greeting;
    private final byte[] repetition;
    private final int[] ends;
    private final List<String> names;

    private RecordedEvents(byte[] greeting, byte[] repetition, int[] ends, List<String> names) {
        this.greeting = greeting;
        this.repetition = repetition;
        this.ends = ends;
        this.names = List.copyOf(names);
    }

    /** Reads a recording. */
    static RecordedEvents read(Path transcript) throws IOException {
        return parse(Files.readString(transcript, StandardCharsets.UTF_8));
    }

    /** Parses a recording's text (CRLF line ends, blocks ended by an empty line, as Asterisk writes them). */
    static RecordedEvents parse(String recording) {
        StringBuilder greeting = new StringBuilder();
        StringBuilder calls = new StringBuilder();
        List<String> names = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        int length = 0;
        for (String block : blocks(recording)) {
            if (!block.startsWith(EVENT)) {
                continue;
            }
            String name = block.substring(EVENT.length(), block.indexOf("\r\n")).trim();
            if (ONCE_PER_LOGIN.contains(name)) {
                greeting.append(block);
            } else {
                calls.append(block);
                names.add(name);
                length += block.getBytes(StandardCharsets.UTF_8).length;
                ends.add(length);
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("the recording holds no call events");
        }
        return new RecordedEvents(greeting.toString().getBytes(StandardCharsets.UTF_8),
                calls.toString().getBytes(StandardCharsets.UTF_8), ends.stream().mapToInt(Integer::intValue).toArray(),
                names);
    }

    /** Every block with its closing empty line, the banner line left out. */
    private static List<String> blocks(String recording) {
        List<String> blocks = new ArrayList<>();
        int start = recording.indexOf("\r\n") + 2;
        while (start < recording.length()) {
            int end = recording.indexOf(BLOCK_END, start);
            int stop = end < 0 ? recording.length() : end + BLOCK_END.length();
            blocks.add(recording.substring(start, stop));
            start = stop;
        }
        return blocks;
    }

    /** The once-per-login events, encoded. */
    byte[] greeting() {
        return greeting.clone();
    }

    /** Call events in one repetition of the recording. */
    int eventsPerRepetition() {
        return names.size();
    }

    /** The {@code Event:} names of one repetition, in order. */
    List<String> names() {
        return names;
    }

    /** One repetition, encoded; the caller must not modify it (it is not copied, to keep the flood cheap). */
    byte[] repetition() {
        return repetition;
    }

    /** Bytes of the first {@code events} blocks of a repetition, {@code 0 <= events <= eventsPerRepetition()}. */
    int prefixLength(int events) {
        return events == 0 ? 0 : ends[events - 1];
    }

    /** How many of the first {@code events} call events of the flood (the recording repeated) match {@code name}. */
    long count(long events, Predicate<String> name) {
        long perRepetition = names.stream().filter(name).count();
        long matches = events / names.size() * perRepetition;
        int rest = (int) (events % names.size());
        return matches + names.subList(0, rest).stream().filter(name).count();
    }
}
