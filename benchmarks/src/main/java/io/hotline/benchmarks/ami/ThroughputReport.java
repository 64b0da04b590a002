package io.hotline.benchmarks.ami;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Formats the results of {@link AmiEventThroughput} as the Markdown tables of {@code docs/benchmarks.md}. */
final class ThroughputReport {
    private ThroughputReport() {
    }

    /** One row per measured round, then the medians; warm-up rounds are left out. Then the counts of each flood. */
    static String table(List<RoundResult> results) {
        List<RoundResult> hotline = measured(results, HotlineEventClient.LABEL);
        List<RoundResult> peer = measured(results, AsteriskJavaEventClient.LABEL);
        StringBuilder table = new StringBuilder("| round | hotline events/s | asterisk-java events/s | hotline / "
                + "asterisk-java | hotline CPU µs/event | asterisk-java CPU µs/event | hotline / asterisk-java | "
                + "hotline lag p50 / p99 / max ms |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<Double> rateRatios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        for (int i = 0; i < Math.min(hotline.size(), peer.size()); i++) {
            RoundResult ours = hotline.get(i);
            RoundResult theirs = peer.get(i);
            rateRatios.add(ratio(ours.eventsPerSecond(), theirs.eventsPerSecond()));
            cpuRatios.add(ratio(ours.cpuMicrosPerEvent(), theirs.cpuMicrosPerEvent()));
            table.append(String.format(Locale.ROOT, "| %d | %,.0f%s | %,.0f%s | %.2f | %.2f | %.2f | %.2f "
                            + "| %d / %d / %d |%n", ours.round(), ours.eventsPerSecond(), cut(ours),
                    theirs.eventsPerSecond(), cut(theirs), rateRatios.get(i), ours.cpuMicrosPerEvent(),
                    theirs.cpuMicrosPerEvent(), cpuRatios.get(i), ours.lagP50(), ours.lagP99(), ours.lagMax()));
        }
        table.append(String.format(Locale.ROOT, "| **median** | **%,.0f** | **%,.0f** | **%.2f** | **%.2f** "
                        + "| **%.2f** | **%.2f** | |%n", median(hotline, RoundResult::eventsPerSecond),
                median(peer, RoundResult::eventsPerSecond), median(rateRatios, Double::doubleValue),
                median(hotline, RoundResult::cpuMicrosPerEvent), median(peer, RoundResult::cpuMicrosPerEvent),
                median(cpuRatios, Double::doubleValue)));
        table.append("\n| client | round | events written | dispatched | translated | dropped | end markers "
                + "| context switches / 1,000 events |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        results.forEach(result -> table.append(String.format(Locale.ROOT,
                "| %s | %d%s | %,d | %,d | %,d | %,d | %d | %.0f |%n", result.client(), result.round(),
                result.warmup() ? " (warm-up)" : "", result.events(), result.dispatched(), result.translated(),
                result.dropped(), result.endMarkers(), result.switchesPerThousandEvents())));
        return table.toString();
    }

    private static String cut(RoundResult result) {
        return result.complete() ? "" : " (cut)";
    }

    private static List<RoundResult> measured(List<RoundResult> results, String client) {
        return results.stream().filter(result -> !result.warmup() && result.client().equals(client)).toList();
    }

    private static double ratio(double ours, double theirs) {
        return theirs <= 0 || ours < 0 ? 0 : ours / theirs;
    }

    /** The median of {@code values}, or 0 for none. */
    static <T> double median(List<T> values, ToDoubleFunction<T> value) {
        double[] sorted = values.stream().mapToDouble(value).sorted().toArray();
        if (sorted.length == 0) {
            return 0;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
