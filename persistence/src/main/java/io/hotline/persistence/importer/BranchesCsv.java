package io.hotline.persistence.importer;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.List;
import java.util.Set;

/**
 * branches.csv: {@code code,name,city,province,address,latitude,longitude,regions,duty_manager_name,
 * duty_manager_phone,time_zone,active}. Stateless.
 */
final class BranchesCsv {
    static final String FILE = "branches.csv";
    static final List<String> REQUIRED = List.of("code", "name", "city", "province", "address", "latitude",
            "longitude", "regions", "duty_manager_name", "duty_manager_phone");
    static final List<String> OPTIONAL = List.of("time_zone", "active");
    static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

    private BranchesCsv() {
    }

    static List<Specs.Lined<Specs.Branch>> read(CsvRows rows) {
        List<Specs.Lined<Specs.Branch>> branches = new ArrayList<>();
        for (CsvRow row : rows.rows()) {
            String code = row.code("code", 32);
            String name = row.text("name", 200);
            String city = row.text("city", 64);
            String province = row.text("province", 64);
            String address = row.text("address", 400);
            BigDecimal latitude = row.decimal("latitude", -90, 90);
            BigDecimal longitude = row.decimal("longitude", -180, 180);
            Set<String> regions = regions(row);
            String managerName = row.text("duty_manager_name", 200);
            String managerPhone = row.phone("duty_manager_phone");
            String timeZone = timeZone(row);
            boolean active = row.bool("active", true);
            if (row.ok()) {
                branches.add(new Specs.Lined<>(row.line(), new Specs.Branch(code, name, city, province, address,
                        latitude, longitude, timeZone, managerName, managerPhone, active, regions)));
            } else {
                row.leftOut(code);
            }
        }
        return branches;
    }

    private static Set<String> regions(CsvRow row) {
        Set<String> regions = new LinkedHashSet<>();
        Set<String> compared = new HashSet<>();
        for (String region : row.list("regions")) {
            if (!row.fits("regions", region, 64)) {
                continue;
            }
            // The database compares regions without regard to case, as it does codes.
            if (compared.add(region.toLowerCase(Locale.ROOT))) {
                regions.add(region);
            } else {
                row.problem("regions", "region '" + region + "' is listed twice");
            }
        }
        if (regions.isEmpty()) {
            row.problem("regions", "is empty; list the customer regions the branch covers, separated by ';'");
        }
        return regions;
    }

    private static String timeZone(CsvRow row) {
        String zone = row.optionalText("time_zone", 64);
        if (zone.isEmpty()) {
            return DEFAULT_TIME_ZONE;
        }
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            row.problem("time_zone", "'" + zone + "' is not a time zone such as Asia/Shanghai");
            return null;
        }
    }
}
