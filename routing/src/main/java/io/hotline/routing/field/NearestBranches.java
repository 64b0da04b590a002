package io.hotline.routing.field;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The ranking of a dispatch order (docs/field-service.md, step 2): every branch of the directory that is on duty by
 * its roster (in its own time zone) at the instant, covers the site's region and the work order's product line (a
 * branch without product lines covers all), nearest first by great-circle (haversine) distance; distances equal to
 * 0.1 km are broken by the branch's open dispatch orders (fewer first), then by code. A site without a location has
 * no eligible branch; a site without a region is not filtered by region (its location still decides).
 * <p>
 * Built once per directory: each branch's latitude, longitude and the cosine of its latitude in radians, its
 * roster as numbers, its zone's index and its rank by code, the branches of each region and the branches serving
 * each product line are computed here, so that ranking one site over 2,000 branches visits only its region's
 * branches, computes the haversine of each eligible one from the chord between unit vectors (no trigonometry; the
 * arcsine only for those that can still enter the top) and allocates little besides the answer. The top
 * {@code limit} are kept in a small sorted array of packed keys (distance in tenths of a km, load, rank by code)
 * while scanning: no sort of the whole list.
 * <p>
 * Not thread-safe (it reuses scratch arrays): confined to the service-desk thread, or one instance per thread.
 */
public final class NearestBranches {
    private static final int LOAD_BITS = 24;
    private static final int CODE_BITS = 21;
    private static final long MAX_LOAD = (1L << LOAD_BITS) - 1;
    private static final long MAX_TENTHS = (1L << (63 - LOAD_BITS - CODE_BITS)) - 1;
    private static final int[] NONE = new int[0];

    private final Branch[] branches;
    private final double[] latRad;
    private final double[] lonRad;
    private final double[] cosLat;
    /** Each branch as a unit vector from the earth's centre: the chord to a site gives the haversine, no trig. */
    private final double[] unitX;
    private final double[] unitY;
    private final double[] unitZ;
    private final int[] zoneOf;
    private final ZoneId[] zones;
    /** Per branch, its shifts as (day ordinal, from second of day, to second of day) triples. */
    private final int[][] shifts;
    /** Per branch, its position among all branches ordered by code (the last tie-breaker). */
    private final int[] codeRank;
    /** The branch at each rank by code (the inverse of {@link #codeRank}). */
    private final int[] byRank;
    /** Per region, the branches covering it, in directory order; every branch for a site without region. */
    private final Map<String, int[]> byRegion = new HashMap<>();
    private final int[] everyBranch;
    /** Per product line, which branches serve it; {@link #allLines} for a line no branch names. */
    private final Map<String, boolean[]> byLine = new HashMap<>();
    private final boolean[] allLines;
    private final Map<String, Branch> byCode = new HashMap<>();
    private final Map<String, Engineer> engineers = new HashMap<>();
    private final int[] zoneDay;
    private final int[] zoneSecond;
    private long[] top = new long[16];

    /** Precomputes {@code directory}'s branches. */
    public NearestBranches(FieldDirectory directory) {
        List<Branch> all = directory.branches();
        int count = all.size();
        if (count >= 1 << CODE_BITS) {
            throw new IllegalArgumentException("too many branches to rank: " + count);
        }
        branches = all.toArray(new Branch[0]);
        latRad = new double[count];
        lonRad = new double[count];
        cosLat = new double[count];
        unitX = new double[count];
        unitY = new double[count];
        unitZ = new double[count];
        zoneOf = new int[count];
        shifts = new int[count][];
        codeRank = new int[count];
        byRank = new int[count];
        List<ZoneId> zoneList = new ArrayList<>();
        Integer[] byCodeOrder = new Integer[count];
        for (int i = 0; i < count; i++) {
            Branch branch = branches[i];
            if (byCode.putIfAbsent(branch.code(), branch) != null) {
                throw new IllegalArgumentException("branch " + branch.code() + " is in the directory twice");
            }
            latRad[i] = Math.toRadians(branch.location().latitude());
            lonRad[i] = Math.toRadians(branch.location().longitude());
            cosLat[i] = Math.cos(latRad[i]);
            unitX[i] = cosLat[i] * Math.cos(lonRad[i]);
            unitY[i] = cosLat[i] * Math.sin(lonRad[i]);
            unitZ[i] = Math.sin(latRad[i]);
            int zone = zoneList.indexOf(branch.zone());
            if (zone < 0) {
                zone = zoneList.size();
                zoneList.add(branch.zone());
            }
            zoneOf[i] = zone;
            shifts[i] = shifts(branch.roster());
            byCodeOrder[i] = i;
        }
        Arrays.sort(byCodeOrder, (a, b) -> branches[a].code().compareTo(branches[b].code()));
        for (int rank = 0; rank < count; rank++) {
            codeRank[byCodeOrder[rank]] = rank;
            byRank[rank] = byCodeOrder[rank];
        }
        zones = zoneList.toArray(new ZoneId[0]);
        everyBranch = new int[count];
        allLines = new boolean[count];
        Map<String, List<Integer>> regions = new HashMap<>();
        for (int i = 0; i < count; i++) {
            everyBranch[i] = i;
            allLines[i] = branches[i].productLines().isEmpty();
            for (String region : branches[i].regions()) {
                regions.computeIfAbsent(region, key -> new ArrayList<>()).add(i);
            }
        }
        for (int i = 0; i < count; i++) {
            for (String line : branches[i].productLines()) {
                byLine.computeIfAbsent(line, key -> allLines.clone())[i] = true;
            }
        }
        regions.forEach((region, members) -> byRegion.put(region,
                members.stream().mapToInt(Integer::intValue).toArray()));
        zoneDay = new int[zones.length];
        zoneSecond = new int[zones.length];
        for (Engineer engineer : directory.engineers()) {
            engineers.put(engineer.code(), engineer);
        }
    }

    private static int[] shifts(List<DutyWindow> roster) {
        int[] packed = new int[roster.size() * 3];
        for (int i = 0; i < roster.size(); i++) {
            DutyWindow window = roster.get(i);
            packed[3 * i] = window.day().ordinal();
            packed[3 * i + 1] = window.from().toSecondOfDay();
            packed[3 * i + 2] = window.to().toSecondOfDay();
        }
        return packed;
    }

    /**
     * The eligible branches for {@code site} and {@code productLine} at {@code at}, nearest first, at most
     * {@code limit} of them, leaving out {@code excluded} (the branches already tried).
     *
     * @param productLine the work order's product line, or {@code null} (every branch covers it)
     * @param openLoad    each branch's open dispatch orders, by code (the tie-breaker)
     */
    public List<BranchChoice> rank(Site site, String productLine, Instant at, ToIntFunction<String> openLoad,
                                   Set<String> excluded, int limit) {
        GeoPoint location = site.location();
        if (location == null || limit <= 0 || branches.length == 0) {
            return List.of();
        }
        localTimes(at);
        if (top.length < limit) {
            top = new long[limit];
        }
        double siteLat = Math.toRadians(location.latitude());
        double siteLon = Math.toRadians(location.longitude());
        double siteCos = Math.cos(siteLat);
        double siteX = siteCos * Math.cos(siteLon);
        double siteY = siteCos * Math.sin(siteLon);
        double siteZ = Math.sin(siteLat);
        int[] candidates = site.region() == null ? everyBranch : byRegion.getOrDefault(site.region(), NONE);
        boolean[] serves = productLine == null ? null : byLine.getOrDefault(productLine, allLines);
        int kept = 0;
        double hMax = Double.MAX_VALUE;
        for (int i : candidates) {
            if (serves != null && !serves[i] || !onShift(i)
                    || !excluded.isEmpty() && excluded.contains(branches[i].code())) {
                continue;
            }
            // haversine = sin^2(angle / 2) = (chord / 2)^2
            double dx = unitX[i] - siteX;
            double dy = unitY[i] - siteY;
            double dz = unitZ[i] - siteZ;
            double h = (dx * dx + dy * dy + dz * dz) / 4;
            if (h > hMax) {
                continue;
            }
            double km = 2 * GeoPoint.EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
            long tenths = Math.min(MAX_TENTHS, Math.round(km * 10));
            long load = Math.min(MAX_LOAD, Math.max(0, openLoad.applyAsInt(branches[i].code())));
            long key = tenths << (LOAD_BITS + CODE_BITS) | load << CODE_BITS | codeRank[i];
            kept = insert(key, kept, limit);
            if (kept == limit) {
                hMax = beyond(top[kept - 1] >>> (LOAD_BITS + CODE_BITS));
            }
        }
        return choices(kept, siteLat, siteLon, siteCos);
    }

    /** Inserts {@code key} into the sorted {@code top[0, kept)}, dropping the last when full; the new size. */
    private int insert(long key, int kept, int limit) {
        if (kept == limit && key >= top[kept - 1]) {
            return kept;
        }
        int at = kept == limit ? kept - 1 : kept;
        while (at > 0 && top[at - 1] > key) {
            top[at] = top[at - 1];
            at--;
        }
        top[at] = key;
        return Math.min(kept + 1, limit);
    }

    private List<BranchChoice> choices(int kept, double siteLat, double siteLon, double siteCos) {
        if (kept == 0) {
            return List.of();
        }
        BranchChoice[] chosen = new BranchChoice[kept];
        for (int k = 0; k < kept; k++) {
            int i = byRank[(int) (top[k] & ((1L << CODE_BITS) - 1))];
            int load = (int) ((top[k] >>> CODE_BITS) & MAX_LOAD);
            double km = haversineKm(siteLat, siteLon, siteCos, latRad[i], lonRad[i], cosLat[i]);
            chosen[k] = new BranchChoice(branches[i].code(), km, load);
        }
        return Collections.unmodifiableList(Arrays.asList(chosen));
    }

    /** Each zone's local day and second of day at {@code at}. */
    private void localTimes(Instant at) {
        for (int z = 0; z < zones.length; z++) {
            LocalDateTime local = LocalDateTime.ofInstant(at, zones[z]);
            zoneDay[z] = local.getDayOfWeek().ordinal();
            zoneSecond[z] = local.toLocalTime().toSecondOfDay();
        }
    }

    private boolean onShift(int branch) {
        int[] packed = shifts[branch];
        int day = zoneDay[zoneOf[branch]];
        int second = zoneSecond[zoneOf[branch]];
        for (int s = 0; s < packed.length; s += 3) {
            if (packed[s] == day && second >= packed[s + 1] && second < packed[s + 2]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The haversine {@code h} above which a distance rounds to more than {@code tenths} tenths of a km (with a
     * margin, so that a branch on the boundary is measured, not skipped): a branch that far cannot enter the top.
     */
    private static double beyond(long tenths) {
        double halfAngle = (tenths + 0.5) / 10 / (2 * GeoPoint.EARTH_RADIUS_KM);
        if (halfAngle >= Math.PI / 2) {
            return Double.MAX_VALUE;
        }
        double sin = Math.sin(halfAngle);
        return sin * sin * (1 + 1e-9);
    }

    /** The haversine distance in km, as {@link GeoPoint#kmTo} computes it (the figure the ranking reports). */
    private static double haversineKm(double lat1, double lon1, double cos1, double lat2, double lon2,
                                      double cos2) {
        double sinLat = Math.sin((lat2 - lat1) / 2);
        double sinLon = Math.sin((lon2 - lon1) / 2);
        double h = sinLat * sinLat + cos1 * cos2 * sinLon * sinLon;
        return 2 * GeoPoint.EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** The branch of {@code code} in the directory. */
    public Optional<Branch> branch(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The engineer of {@code code} in the directory. */
    public Optional<Engineer> engineer(String code) {
        return Optional.ofNullable(engineers.get(code));
    }

    /** Whether {@code branch} is on duty at {@code at} by its roster, in its time zone. */
    public static boolean onDuty(Branch branch, Instant at) {
        return shiftAt(branch, at) != null;
    }

    /** The shift of {@code branch}'s roster on duty at {@code at}, or {@code null}. */
    public static DutyWindow shiftAt(Branch branch, Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, branch.zone());
        DayOfWeek day = local.getDayOfWeek();
        for (DutyWindow window : branch.roster()) {
            if (window.day() == day && !local.toLocalTime().isBefore(window.from())
                    && local.toLocalTime().isBefore(window.to())) {
                return window;
            }
        }
        return null;
    }

    /** The phone a dispatch SMS goes to at {@code at}: the shift's manager phone, else the branch's duty phone. */
    public static String dutyPhone(Branch branch, Instant at) {
        DutyWindow shift = shiftAt(branch, at);
        return shift != null && !shift.managerPhone().isBlank() ? shift.managerPhone() : branch.dutyPhone();
    }
}
