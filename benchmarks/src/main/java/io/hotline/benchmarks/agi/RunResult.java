package io.hotline.benchmarks.agi;

import java.util.Locale;
import java.util.Map;

/**
 * The figures of one generator run. Immutable.
 *
 * @param label             the run's label
 * @param sessions          sessions launched
 * @param concurrency       the concurrency asked for
 * @param outcomes          sessions per outcome
 * @param seconds           first connect to last close
 * @param p50Millis         median latency of successful sessions (connect to close by the server)
 * @param p99Millis         99th percentile of the same
 * @param maxMillis         the slowest successful session
 * @param peakHeld          most sessions waiting with music on hold at the same time
 * @param secondsToPeak     from the first connect to that peak
 * @param generatorCpuMillis the generator process's CPU time during the run
 * @param serverCpuMillis   the server process's CPU time during the run, or -1 when not measured
 */
record RunResult(String label, int sessions, int concurrency, Map<SessionOutcome, Integer> outcomes,
                 double seconds, double p50Millis, double p99Millis, double maxMillis, int peakHeld,
                 double secondsToPeak, long generatorCpuMillis, long serverCpuMillis) {

    RunResult {
        outcomes = Map.copyOf(outcomes);
    }

    int count(SessionOutcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }

    int ok() {
        return count(SessionOutcome.OK);
    }

    int failed() {
        return sessions - ok();
    }

    double sessionsPerSecond() {
        return seconds <= 0 ? 0 : ok() / seconds;
    }

    /** Server CPU milliseconds per successful session, or -1 when not measured or none succeeded. */
    double serverCpuMillisPerSession() {
        return serverCpuMillis < 0 || ok() == 0 ? -1 : (double) serverCpuMillis / ok();
    }

    /** One JSON object on one line. */
    String toJson() {
        return String.format(Locale.ROOT, "{\"label\":\"%s\",\"sessions\":%d,\"concurrency\":%d,\"ok\":%d,"
                        + "\"failed\":%d,\"dropped\":%d,\"incomplete\":%d,\"protocol\":%d,\"connectFailed\":%d,"
                        + "\"timedOut\":%d,\"seconds\":%.3f,\"sessionsPerSecond\":%.1f,\"p50Ms\":%.3f,"
                        + "\"p99Ms\":%.3f,\"maxMs\":%.3f,\"peakHeld\":%d,\"secondsToPeak\":%.3f,"
                        + "\"generatorCpuMs\":%d,\"serverCpuMs\":%d,\"serverCpuMsPerSession\":%.4f}",
                label.replace("\"", "'"), sessions, concurrency, ok(), failed(), count(SessionOutcome.DROPPED),
                count(SessionOutcome.INCOMPLETE), count(SessionOutcome.PROTOCOL),
                count(SessionOutcome.CONNECT_FAILED), count(SessionOutcome.TIMED_OUT), seconds, sessionsPerSecond(),
                p50Millis, p99Millis, maxMillis, peakHeld, secondsToPeak, generatorCpuMillis, serverCpuMillis,
                serverCpuMillisPerSession());
    }
}
