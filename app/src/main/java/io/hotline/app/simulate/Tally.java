package io.hotline.app.simulate;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulation's counts, for the summary at the end: callers by outcome, routing and talk times, survey scores,
 * seats, AMI traffic. Thread-safe: every method holds this object's lock.
 */
final class Tally {
    private int arrived;
    private int routed;
    private int answered;
    private final List<Long> routeMillis = new ArrayList<>();
    private final List<Long> talkMillis = new ArrayList<>();
    private final List<Integer> scores = new ArrayList<>();
    private final Map<Outcome, Integer> outcomes = new TreeMap<>();
    private int seatsLoggedIn;

    /** How a caller's call ended, as the caller experienced it. */
    enum Outcome {
        /** Served and rated the service. */
        SURVEYED("served and rated"),
        /** Served, no rating (the caller hung up first, or pressed nothing). */
        SERVED("served, no rating"),
        /** Hung up while waiting on hold. */
        ABANDONED("abandoned while waiting"),
        /** Sent to the fallback queue (Hotline busy or not answering). */
        FALLBACK("sent to the fallback queue"),
        /** A callback was recorded. */
        CALLBACK("callback booked"),
        /** Left a voicemail (after hours). */
        VOICEMAIL("voicemail"),
        /** Still going at the end: hung up by the simulation. */
        CUT("cut at the end of the simulation"),
        /** Anything else. */
        OTHER("other");

        private final String text;

        Outcome(String text) {
            this.text = text;
        }
    }

    synchronized void arrived() {
        arrived++;
    }

    synchronized void routed(long millis) {
        routed++;
        routeMillis.add(millis);
    }

    synchronized void answered() {
        answered++;
    }

    synchronized void talked(long millis) {
        talkMillis.add(millis);
    }

    synchronized void ended(Outcome outcome, Integer score) {
        outcomes.merge(outcome, 1, Integer::sum);
        if (score != null) {
            scores.add(score);
        }
    }

    synchronized void seatLoggedIn() {
        seatsLoggedIn++;
    }

    synchronized int arrivedCount() {
        return arrived;
    }

    synchronized int outcome(Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }

    /** Prints the summary block. */
    synchronized void print(PrintStream out, ManagerServer ami) {
        out.println("--- summary ---");
        out.println("callers: " + arrived + " arrived, " + routed + " routed to a seat, " + answered
                + " answered by a seat");
        for (Map.Entry<Outcome, Integer> outcome : outcomes.entrySet()) {
            out.println(String.format(Locale.ROOT, "  %-34s %d", outcome.getKey().text, outcome.getValue()));
        }
        out.println("routed in (from arrival to the seat's phone ringing): " + spread(routeMillis));
        out.println("talk time: " + spread(talkMillis));
        out.println("survey scores: " + (scores.isEmpty() ? "none" : scores + String.format(Locale.ROOT,
                " (mean %.1f)", scores.stream().mapToInt(Integer::intValue).average().orElse(0))));
        out.println("seats logged in: " + seatsLoggedIn);
        if (ami != null) {
            out.println("AMI: Hotline logged in " + ami.logins() + " time(s); " + ami.eventsSent() + " events sent;"
                    + " actions received " + ami.actionsReceived());
        } else {
            out.println("AMI: not simulated");
        }
    }

    private static String spread(List<Long> millis) {
        if (millis.isEmpty()) {
            return "none";
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return "median " + sorted.get(sorted.size() / 2) + " ms, max " + sorted.get(sorted.size() - 1) + " ms ("
                + sorted.size() + ")";
    }
}
