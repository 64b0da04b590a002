package io.hotline.routing.field;

import static io.hotline.routing.field.FieldFixtures.EAST;
import static io.hotline.routing.field.FieldFixtures.HANGZHOU;
import static io.hotline.routing.field.FieldFixtures.NANJING;
import static io.hotline.routing.field.FieldFixtures.SHANGHAI;
import static io.hotline.routing.field.FieldFixtures.SITE;
import static io.hotline.routing.field.FieldFixtures.SUZHOU;
import static io.hotline.routing.field.FieldFixtures.SUZHOU_CUSTOMER;
import static io.hotline.routing.field.FieldFixtures.allWeek;
import static io.hotline.routing.field.FieldFixtures.branch;
import static io.hotline.routing.field.FieldFixtures.every;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NearestBranchesTest {
    /** Monday 2026-12-07, 18:00 in Shanghai. */
    private static final Instant MONDAY_EVENING = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void shouldRankTheDeltaBranchesNearestFirstFromACustomerInSuzhou() {
        // given
        NearestBranches nearest = new NearestBranches(FieldFixtures.delta());

        // when
        List<BranchChoice> ranking = nearest.rank(SITE, "ERP", MONDAY_EVENING, code -> 0, Set.of(), 10);

        // then
        assertThat(ranking).extracting(BranchChoice::branchCode).containsExactly("SZ", "SH", "HZ", "NJ");
        assertThat(ranking.get(0).distanceKm()).isCloseTo(SUZHOU_CUSTOMER.kmTo(SUZHOU), within(1e-9));
        assertThat(ranking.get(1).distanceKm()).isCloseTo(SUZHOU_CUSTOMER.kmTo(SHANGHAI), within(1e-9));
        assertThat(ranking.get(2).distanceKm()).isCloseTo(SUZHOU_CUSTOMER.kmTo(HANGZHOU), within(1e-9));
        assertThat(ranking.get(3).distanceKm()).isCloseTo(SUZHOU_CUSTOMER.kmTo(NANJING), within(1e-9));
        // the real distances, as a map would tell: Suzhou's park 3.8 km, Shanghai 85, Hangzhou 124, Nanjing 189
        assertThat(ranking.get(0).distanceKm()).isCloseTo(3.8, within(0.5));
        assertThat(ranking.get(1).distanceKm()).isCloseTo(85, within(3.0));
        assertThat(ranking.get(2).distanceKm()).isCloseTo(124, within(4.0));
        assertThat(ranking.get(3).distanceKm()).isCloseTo(189, within(3.0));
        assertThat(nearest.rank(SITE, "ERP", MONDAY_EVENING, code -> 0, Set.of(), 2))
                .extracting(BranchChoice::branchCode).containsExactly("SZ", "SH");
        assertThat(nearest.rank(SITE, "ERP", MONDAY_EVENING, code -> 0, Set.of("SZ", "SH"), 10))
                .extracting(BranchChoice::branchCode).containsExactly("HZ", "NJ");
    }

    @Test
    void shouldLeaveOutABranchOffDutyByItsRosterInItsZone() {
        // given: Suzhou works 08:00-17:00 Shanghai time, Monday only
        Branch suzhou = branch("SZ", SUZHOU, Set.of(), List.of(new DutyWindow(DayOfWeek.MONDAY, LocalTime.of(8, 0),
                LocalTime.of(17, 0), "Zhou", "+8613900000010")));
        NearestBranches nearest = new NearestBranches(new FieldDirectory(List.of(suzhou,
                branch("SH", SHANGHAI, Set.of(), allWeek("+8613900000020"))), List.of()));
        Instant mondayFivePm = Instant.parse("2026-12-07T09:00:00Z");

        // when
        List<BranchChoice> evening = nearest.rank(SITE, "ERP", MONDAY_EVENING, code -> 0, Set.of(), 10);
        List<BranchChoice> lastMinute = nearest.rank(SITE, "ERP", mondayFivePm.minusMillis(1), code -> 0,
                Set.of(), 10);

        // then
        assertThat(evening).extracting(BranchChoice::branchCode).containsExactly("SH");
        assertThat(lastMinute).extracting(BranchChoice::branchCode).containsExactly("SZ", "SH");
        assertThat(NearestBranches.onDuty(suzhou, Instant.parse("2026-12-07T00:00:00Z"))).isTrue();
        assertThat(NearestBranches.onDuty(suzhou, Instant.parse("2026-12-06T23:59:59Z"))).isFalse();
        assertThat(NearestBranches.onDuty(suzhou, mondayFivePm)).isFalse();
        assertThat(NearestBranches.onDuty(suzhou, Instant.parse("2026-12-14T08:30:00Z"))).isTrue();
        assertThat(NearestBranches.dutyPhone(suzhou, mondayFivePm.minusSeconds(60))).isEqualTo("+8613900000010");
        assertThat(NearestBranches.dutyPhone(suzhou, mondayFivePm)).isEqualTo("+86400SZ");
    }

    @Test
    void shouldRankOnlyBranchesCoveringTheRegionAndTheProductLine() {
        // given: Shanghai covers another region, Hangzhou serves HR only, Nanjing every line
        Branch shanghai = new Branch("SH", "Shanghai", SHANGHAI, FieldFixtures.SHANGHAI_ZONE, Set.of("north"),
                Set.of(), "+86400SH", allWeek("+8613900000020"));
        NearestBranches nearest = new NearestBranches(new FieldDirectory(List.of(shanghai,
                branch("HZ", HANGZHOU, Set.of("HR"), allWeek("+8613900000030")),
                branch("NJ", NANJING, Set.of(), allWeek("+8613900000040"))), List.of()));

        // when
        List<BranchChoice> erp = nearest.rank(SITE, "ERP", MONDAY_EVENING, code -> 0, Set.of(), 10);
        List<BranchChoice> hr = nearest.rank(SITE, "HR", MONDAY_EVENING, code -> 0, Set.of(), 10);
        List<BranchChoice> unknownRegion = nearest.rank(new Site("x", SUZHOU_CUSTOMER, null), "ERP",
                MONDAY_EVENING, code -> 0, Set.of(), 10);
        List<BranchChoice> nowhere = nearest.rank(new Site("x", null, EAST), "ERP", MONDAY_EVENING, code -> 0,
                Set.of(), 10);

        // then
        assertThat(erp).extracting(BranchChoice::branchCode).containsExactly("NJ");
        assertThat(hr).extracting(BranchChoice::branchCode).containsExactly("HZ", "NJ");
        assertThat(unknownRegion).extracting(BranchChoice::branchCode).containsExactly("SH", "NJ");
        assertThat(nowhere).isEmpty();
    }

    @Test
    void shouldBreakTiesWithinATenthOfAKilometreByOpenLoadThenByCode() {
        // given: three branches in the same building, 20 m apart, and one a little further
        GeoPoint building = new GeoPoint(31.3000, 120.6000);
        GeoPoint nextDoor = new GeoPoint(31.30018, 120.6000);
        NearestBranches nearest = new NearestBranches(new FieldDirectory(List.of(
                branch("C", building, Set.of(), allWeek("+861")),
                branch("B", nextDoor, Set.of(), allWeek("+862")),
                branch("A", building, Set.of(), allWeek("+863")),
                branch("D", new GeoPoint(31.3100, 120.6000), Set.of(), allWeek("+864"))), List.of()));
        Map<String, Integer> loads = Map.of("A", 2, "B", 1, "C", 1);

        // when
        List<BranchChoice> ranking = nearest.rank(SITE, "ERP", MONDAY_EVENING, code -> loads.getOrDefault(code, 0),
                Set.of(), 10);

        // then: A, B and C tie on distance; B and C carry one order, A two; D is further though idle
        assertThat(ranking).extracting(BranchChoice::branchCode).containsExactly("B", "C", "A", "D");
        assertThat(ranking).extracting(BranchChoice::openLoad).containsExactly(1, 1, 2, 0);
    }

    @Test
    void shouldRankTheSameAsTheNaiveSortOverManyGeneratedBranches() {
        // given: 500 branches over China with random rosters, regions and product lines
        java.util.Random random = new java.util.Random(16);
        List<Branch> branches = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            GeoPoint at = new GeoPoint(18 + random.nextDouble() * 35, 74 + random.nextDouble() * 60);
            Set<String> lines = random.nextInt(3) == 0 ? Set.of("HR") : Set.of();
            List<DutyWindow> roster = random.nextBoolean() ? allWeek("+86" + i)
                    : every(LocalTime.of(8, 0), LocalTime.of(17, 0), "+86" + i);
            branches.add(new Branch(String.format("B%03d", i), "b", at, FieldFixtures.SHANGHAI_ZONE,
                    Set.of(random.nextInt(4) == 0 ? "north" : EAST), lines, "+86", roster));
        }
        NearestBranches nearest = new NearestBranches(new FieldDirectory(branches, List.of()));

        for (int run = 0; run < 50; run++) {
            Site site = new Site("x", new GeoPoint(20 + random.nextDouble() * 30, 80 + random.nextDouble() * 50),
                    EAST);
            Instant at = MONDAY_EVENING.plusSeconds(random.nextInt(86_400 * 7));
            String line = random.nextBoolean() ? "HR" : "ERP";

            // when
            List<BranchChoice> ranked = nearest.rank(site, line, at, code -> code.hashCode() & 3, Set.of(), 12);

            // then
            List<String> expected = branches.stream()
                    .filter(b -> b.regions().contains(EAST) && NearestBranches.onDuty(b, at)
                            && (b.productLines().isEmpty() || b.productLines().contains(line)))
                    .sorted(java.util.Comparator.<Branch>comparingLong(b -> Math.round(site.location()
                                    .kmTo(b.location()) * 10))
                            .thenComparingInt(b -> b.code().hashCode() & 3).thenComparing(Branch::code))
                    .limit(12).map(Branch::code).toList();
            assertThat(ranked).extracting(BranchChoice::branchCode).as("run " + run).isEqualTo(expected);
        }
    }
}
