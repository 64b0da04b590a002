package io.hotline.benchmarks.ami;

import java.util.Locale;

/**
 * What one client made of one flood. Immutable.
 *
 * @param client     {@code hotline} or {@code asterisk-java}
 * @param round      1-based; warm-up rounds come first
 * @param warmup     whether the round was a warm-up (not in the medians)
 * @param events     recorded events the server wrote (markers not counted)
 * @param dispatched events asterisk-java's pump handed the client's listener, end marker included
 * @param translated records Hotline's sink put in the inbox, end marker included (0 for asterisk-java)
 * @param dropped    records the full inbox refused
 * @param seconds    first byte of the flood written to the end marker counted
 * @param cpuMillis  this process's CPU time over the same span (all threads: the flood's writer too), or -1
 * @param switches   context switches of the process's threads over that span ({@link ContextSwitches}), or -1
 * @param complete   whether the end marker arrived, the inbox drained and every event was written in time
 * @param endMarkers end markers the server had to send
 * @param lagP50     median event lag in ms ({@code AmiObserver.event}; -1 for asterisk-java, not measured)
 * @param lagP99     99th percentile of the same
 * @param lagMax     the largest
 */
record RoundResult(String client, int round, boolean warmup, long events, long dispatched, long translated,
                   long dropped, double seconds, long cpuMillis, long switches, boolean complete, int endMarkers,
                   long lagP50, long lagP99, long lagMax) {

    /** Recorded events per second of wall time; 0 when incomplete. */
    double eventsPerSecond() {
        return complete && seconds > 0 ? events / seconds : 0;
    }

    /** CPU microseconds of the whole process per recorded event; -1 when not measured or incomplete. */
    double cpuMicrosPerEvent() {
        return complete && cpuMillis >= 0 && events > 0 ? cpuMillis * 1000.0 / events : -1;
    }

    /** Context switches per 1,000 recorded events; -1 when not measured or incomplete. */
    double switchesPerThousandEvents() {
        return complete && switches >= 0 && events > 0 ? switches * 1000.0 / events : -1;
    }

    /** One JSON object on one line. */
    String toJson() {
        return String.format(Locale.ROOT, "{\"client\":\"%s\",\"round\":%d,\"warmup\":%b,\"events\":%d,"
                        + "\"dispatched\":%d,\"translated\":%d,\"dropped\":%d,\"seconds\":%.3f,\"cpuMs\":%d,"
                        + "\"cpuUsPerEvent\":%.2f,\"switches\":%d,\"complete\":%b,\"endMarkers\":%d,"
                        + "\"eventsPerSecond\":%.0f,\"lagP50Ms\":%d,\"lagP99Ms\":%d,\"lagMaxMs\":%d}",
                client, round, warmup, events, dispatched, translated, dropped, seconds, cpuMillis,
                cpuMicrosPerEvent(), switches, complete, endMarkers, eventsPerSecond(), lagP50, lagP99, lagMax);
    }
}
