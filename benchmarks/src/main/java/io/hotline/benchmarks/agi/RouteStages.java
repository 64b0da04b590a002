package io.hotline.benchmarks.agi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A route session cut into its stages, as the simulated Asterisk sees them: the time between the arrivals of
 * consecutive commands of the production {@code route} script for a caller who gets a ready seat at once
 * (environment sent, {@code GET VARIABLE CHANNEL(linkedid)}, {@code SET VARIABLE HOTLINE_CALL}, {@code SET MUSIC
 * ON}, {@code SET MUSIC OFF}, {@code SET VARIABLE HOTLINE_TARGET}, ..., {@code SET VARIABLE HOTLINE_RESULT}). Each
 * stage is one loopback round trip plus what Hotline did before its next command: the first also the connection
 * accepted and the environment decoded, "music on to off" the routing engine's decision and the hop back to the
 * session (overlapped with the music's round trip), "target to result" three round trips and the wait for the
 * journal's fsync. A stage per recorder, kept for one measured run; thread-safe (each record is synchronized).
 */
final class RouteStages {
    private static final String[][] MARKS = {
            {"request to linkedid", "GET VARIABLE CHANNEL(linkedid)"},
            {"linkedid to call", "SET VARIABLE HOTLINE_CALL "},
            {"call to music on", "SET MUSIC ON"},
            {"music on to off", "SET MUSIC OFF"},
            {"music off to target", "SET VARIABLE HOTLINE_TARGET "},
            {"target to result", "SET VARIABLE HOTLINE_RESULT "},
    };

    private final Map<String, LatencyRecorder> stages = new LinkedHashMap<>();
    private final LatencyRecorder toResult;

    RouteStages(int capacity) {
        for (String[] mark : MARKS) {
            stages.put(mark[0], new LatencyRecorder(capacity));
        }
        toResult = new LatencyRecorder(capacity);
    }

    /** Records the stages of {@code routed}, whose environment was sent at {@code sentNanos}; skips any other shape. */
    synchronized void record(long sentNanos, AsteriskLeg.Outcome routed) {
        List<String> commands = routed.commands();
        long[] at = new long[MARKS.length];
        int next = 0;
        for (int i = 0; i < commands.size() && next < MARKS.length; i++) {
            if (commands.get(i).startsWith(MARKS[next][1])) {
                at[next++] = routed.commandNanos()[i];
            }
        }
        if (next < MARKS.length) {
            return;
        }
        long before = sentNanos;
        for (int i = 0; i < MARKS.length; i++) {
            stages.get(MARKS[i][0]).record(at[i] - before);
            before = at[i];
        }
        toResult.record(at[MARKS.length - 1] - sentNanos);
    }

    /** The stages as a JSON object: per stage p50, p99 and p99.9 in ms; and request to result. */
    synchronized String json() {
        String each = stages.entrySet().stream().map(stage -> String.format(Locale.ROOT,
                "\"%s\":[%.3f,%.3f,%.3f]", stage.getKey(), stage.getValue().percentileMillis(0.5),
                stage.getValue().percentileMillis(0.99), stage.getValue().percentileMillis(0.999)))
                .collect(Collectors.joining(","));
        return String.format(Locale.ROOT, "{%s,\"request to result\":[%.3f,%.3f,%.3f]}", each,
                toResult.percentileMillis(0.5), toResult.percentileMillis(0.99), toResult.percentileMillis(0.999));
    }
}
