package io.hotline.routing.field;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Four branches of the Yangtze delta at their real places, their engineers, and a customer in Suzhou: the
 * directory the field leg's tests dispatch over.
 */
public final class FieldFixtures {
    public static final ZoneId SHANGHAI_ZONE = ZoneId.of("Asia/Shanghai");
    /** A customer's site in Suzhou's old town. */
    public static final GeoPoint SUZHOU_CUSTOMER = new GeoPoint(31.2990, 120.5853);
    public static final GeoPoint SUZHOU = new GeoPoint(31.3180, 120.6190);
    public static final GeoPoint SHANGHAI = new GeoPoint(31.2304, 121.4737);
    public static final GeoPoint HANGZHOU = new GeoPoint(30.2741, 120.1551);
    public static final GeoPoint NANJING = new GeoPoint(32.0603, 118.7969);
    public static final String EAST = "east";
    public static final Site SITE = new Site("苏州市姑苏区人民路 100 号", SUZHOU_CUSTOMER, EAST);

    public static final Engineer SZ_ENGINEER = new Engineer("E-SZ-1", "SZ", "Wang Wei", "+8613800000011", true);
    public static final Engineer SH_ENGINEER = new Engineer("E-SH-1", "SH", "Li Na", "+8613800000021", true);
    public static final Engineer SH_SECOND = new Engineer("E-SH-2", "SH", "Zhang Min", "+8613800000022", true);
    public static final Engineer SH_RETIRED = new Engineer("E-SH-9", "SH", "Old Chen", "+8613800000029", false);
    public static final Engineer HZ_ENGINEER = new Engineer("E-HZ-1", "HZ", "Sun Li", "+8613800000031", true);
    public static final Engineer NJ_ENGINEER = new Engineer("E-NJ-1", "NJ", "Zhao Lei", "+8613800000041", true);

    private FieldFixtures() {
    }

    /** A shift every day of the week, all day, with {@code phone} as the manager's phone. */
    public static List<DutyWindow> allWeek(String phone) {
        return every(LocalTime.MIDNIGHT, LocalTime.MAX, phone);
    }

    /** A shift every day of the week from {@code from} to {@code to} (branch time). */
    public static List<DutyWindow> every(LocalTime from, LocalTime to, String phone) {
        List<DutyWindow> roster = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            roster.add(new DutyWindow(day, from, to, "manager " + day, phone));
        }
        return roster;
    }

    public static Branch branch(String code, GeoPoint location, Set<String> productLines, List<DutyWindow> roster) {
        return new Branch(code, code + " branch", location, SHANGHAI_ZONE, Set.of(EAST), productLines,
                "+86400" + code, roster);
    }

    /** Suzhou, Shanghai, Hangzhou and Nanjing, all on duty around the clock, all product lines. */
    public static FieldDirectory delta() {
        return new FieldDirectory(List.of(
                branch("SZ", SUZHOU, Set.of(), allWeek("+8613900000010")),
                branch("SH", SHANGHAI, Set.of(), allWeek("+8613900000020")),
                branch("HZ", HANGZHOU, Set.of(), allWeek("+8613900000030")),
                branch("NJ", NANJING, Set.of(), allWeek("+8613900000040"))),
                List.of(SZ_ENGINEER, SH_ENGINEER, SH_SECOND, SH_RETIRED, HZ_ENGINEER, NJ_ENGINEER));
    }
}
