package io.hotline.persistence.importer;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * rosters.csv: {@code branch,day,starts_at,ends_at,manager_name,manager_phone}, one row per weekly duty shift.
 * The day is 1-7 (ISO, 1 = Monday), an English name or abbreviation (Mon, Monday) or 周一..周日 / 星期一..星期日.
 * Stateless.
 */
final class RostersCsv {
    static final String FILE = "rosters.csv";
    static final List<String> REQUIRED = List.of("branch", "day", "starts_at", "ends_at", "manager_name",
            "manager_phone");
    private static final String CHINESE_DAYS = "一二三四五六日";

    private RostersCsv() {
    }

    static List<Specs.Lined<Specs.Shift>> read(CsvRows rows) {
        List<Specs.Lined<Specs.Shift>> shifts = new ArrayList<>();
        for (CsvRow row : rows.rows()) {
            String branch = row.code("branch", 32);
            int day = day(row);
            LocalTime startsAt = row.time("starts_at");
            LocalTime endsAt = row.time("ends_at");
            if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
                row.problem("ends_at", endsAt + " is not after starts_at " + startsAt
                        + " (a shift over midnight is two rows, the second starting at 00:00)");
            }
            String managerName = row.text("manager_name", 200);
            String managerPhone = row.phone("manager_phone");
            if (row.ok()) {
                shifts.add(new Specs.Lined<>(row.line(),
                        new Specs.Shift(branch, day, startsAt, endsAt, managerName, managerPhone)));
            }
        }
        return shifts;
    }

    private static int day(CsvRow row) {
        String value = row.text("day", 16);
        if (value == null) {
            return 0;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (upper.length() == 1 && upper.charAt(0) >= '1' && upper.charAt(0) <= '7') {
            return upper.charAt(0) - '0';
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(upper) || day.name().substring(0, 3).equals(upper)) {
                return day.getValue();
            }
        }
        String chinese = upper.startsWith("星期") ? upper.substring(2) : upper.startsWith("周") ? upper.substring(1)
                : "";
        int index = chinese.length() == 1 ? CHINESE_DAYS.indexOf(chinese.equals("天") ? "日" : chinese) : -1;
        if (index >= 0) {
            return index + 1;
        }
        row.problem("day", "'" + value + "' is not a day of the week (1-7 with 1 = Monday, Mon..Sun, 周一..周日)");
        return 0;
    }
}
