package io.hotline.benchmarks.field;

import io.hotline.routing.field.Branch;
import io.hotline.routing.field.BranchChoice;
import io.hotline.routing.field.DutyWindow;
import io.hotline.routing.field.FieldDirectory;
import io.hotline.routing.field.GeoPoint;
import io.hotline.routing.field.NearestBranches;
import io.hotline.routing.field.Site;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Ranking the branches of 10,000 dispatch orders: the real {@link NearestBranches} ({@code hotline}) against the
 * naive ranking ({@code baseline}: every eligible branch's distance by {@link GeoPoint#kmTo}, its roster checked with
 * {@link NearestBranches#onDuty}, the whole list sorted with a stream), over the same branches and sites.
 * <p>
 * The world (fixed seed): {@code branches} branches (42, the demo organisation's count, or 2,000) spread uniformly
 * over China's bounding box (latitude 18-53, longitude 73-135), time zone Asia/Shanghai, each covering one or two of
 * 8 regions, a third of them only some of 10 product lines, 70 % on duty around the clock and the rest 08:00-20:00
 * on weekdays; open loads 0-5. 10,000 sites in the same box, each with a region, a product line and an instant in
 * one week. One operation ranks all 10,000 (the best 10 each, as the desk keeps); the trial's set-up fails unless
 * both sides rank every site the same.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class NearestBranchBenchmark {
    static final int DISPATCHES = 10_000;
    static final int KEEP = 10;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant MONDAY = Instant.parse("2026-12-07T00:00:00Z");
    private static final int REGIONS = 8;
    private static final int LINES = 10;

    /** The generated branches and sites. */
    @State(Scope.Benchmark)
    public static class World {
        @Param({"42", "2000"})
        public int branches;

        List<Branch> all;
        NearestBranches nearest;
        Map<String, Integer> loads;
        Site[] sites;
        String[] lines;
        Instant[] instants;

        @Setup(Level.Trial)
        public void build() {
            Random random = new Random(16);
            all = new ArrayList<>(branches);
            loads = new HashMap<>();
            for (int i = 0; i < branches; i++) {
                String code = String.format("B%04d", i);
                all.add(new Branch(code, "branch " + i, point(random), ZONE, regions(random),
                        random.nextInt(3) == 0 ? lines(random) : Set.of(), "+86400" + i, roster(random, i)));
                loads.put(code, random.nextInt(6));
            }
            nearest = new NearestBranches(new FieldDirectory(all, List.of()));
            sites = new Site[DISPATCHES];
            lines = new String[DISPATCHES];
            instants = new Instant[DISPATCHES];
            for (int i = 0; i < DISPATCHES; i++) {
                sites[i] = new Site("site " + i, point(random), "R" + random.nextInt(REGIONS));
                lines[i] = "L" + random.nextInt(LINES);
                instants[i] = MONDAY.plusSeconds(random.nextInt(7 * 86_400));
            }
            for (int i = 0; i < DISPATCHES; i++) {
                List<String> fast = codes(nearest.rank(sites[i], lines[i], instants[i], this::load, Set.of(), KEEP));
                List<String> naive = codes(naive(this, i));
                if (!fast.equals(naive)) {
                    throw new IllegalStateException("site " + i + ": hotline ranks " + fast + ", baseline " + naive);
                }
            }
        }

        int load(String code) {
            return loads.getOrDefault(code, 0);
        }

        private static GeoPoint point(Random random) {
            return new GeoPoint(18 + random.nextDouble() * 35, 73 + random.nextDouble() * 62);
        }

        private static Set<String> regions(Random random) {
            Set<String> regions = new HashSet<>();
            regions.add("R" + random.nextInt(REGIONS));
            if (random.nextBoolean()) {
                regions.add("R" + random.nextInt(REGIONS));
            }
            return regions;
        }

        private static Set<String> lines(Random random) {
            Set<String> lines = new HashSet<>();
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                lines.add("L" + random.nextInt(LINES));
            }
            return lines;
        }

        private static List<DutyWindow> roster(Random random, int i) {
            List<DutyWindow> roster = new ArrayList<>();
            boolean allDay = random.nextInt(10) < 7;
            for (DayOfWeek day : DayOfWeek.values()) {
                if (allDay) {
                    roster.add(new DutyWindow(day, LocalTime.MIDNIGHT, LocalTime.MAX, "m" + i, "+86139" + i));
                } else if (day.getValue() <= 5) {
                    roster.add(new DutyWindow(day, LocalTime.of(8, 0), LocalTime.of(20, 0), "m" + i, "+86139" + i));
                }
            }
            return roster;
        }

        private static List<String> codes(List<BranchChoice> ranking) {
            return ranking.stream().map(BranchChoice::branchCode).toList();
        }
    }

    /** The naive ranking of site {@code i}: every distance, every roster, the whole list sorted. */
    static List<BranchChoice> naive(World world, int i) {
        Site site = world.sites[i];
        String line = world.lines[i];
        Instant at = world.instants[i];
        List<BranchChoice> ranked = world.all.stream()
                .filter(branch -> branch.regions().contains(site.region())
                        && (branch.productLines().isEmpty() || branch.productLines().contains(line))
                        && NearestBranches.onDuty(branch, at))
                .map(branch -> new BranchChoice(branch.code(), site.location().kmTo(branch.location()),
                        world.load(branch.code())))
                .sorted(Comparator.<BranchChoice>comparingLong(choice -> Math.round(choice.distanceKm() * 10))
                        .thenComparingInt(BranchChoice::openLoad).thenComparing(BranchChoice::branchCode))
                .toList();
        return ranked.subList(0, Math.min(KEEP, ranked.size()));
    }

    /** {@link NearestBranches#rank} for every site: one operation is 10,000 dispatch orders ranked. */
    @Benchmark
    public void hotline(World world, Blackhole blackhole) {
        for (int i = 0; i < DISPATCHES; i++) {
            blackhole.consume(world.nearest.rank(world.sites[i], world.lines[i], world.instants[i], world::load,
                    Set.of(), KEEP));
        }
    }

    /** The naive ranking for every site: one operation is 10,000 dispatch orders ranked. */
    @Benchmark
    public void baseline(World world, Blackhole blackhole) {
        for (int i = 0; i < DISPATCHES; i++) {
            blackhole.consume(naive(world, i));
        }
    }
}
