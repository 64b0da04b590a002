package io.hotline.persistence.seed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many rows each table of the seeded organisation holds after a {@link DemoSeed#load load}: all rows of the
 * table, including any that were there before. Immutable and thread-safe.
 *
 * @param skills                  rows in {@code skill}
 * @param seats                   rows in {@code seat}
 * @param seatSkills              rows in {@code seat_skill}
 * @param branches                rows in {@code branch}
 * @param branchRegions           rows in {@code branch_region}
 * @param branchDutyShifts        rows in {@code branch_duty_shift}
 * @param fieldEngineers          rows in {@code field_engineer}
 * @param fieldEngineerSkills     rows in {@code field_engineer_skill}
 * @param customers               rows in {@code customer}
 * @param customerPhones          rows in {@code customer_phone}
 * @param customerProducts        rows in {@code customer_product}
 * @param customerProductModules  rows in {@code customer_product_module}
 * @param kbArticles              rows in {@code kb_article}
 */
public record SeedReport(long skills, long seats, long seatSkills, long branches, long branchRegions,
                         long branchDutyShifts, long fieldEngineers, long fieldEngineerSkills, long customers,
                         long customerPhones, long customerProducts, long customerProductModules,
                         long kbArticles) {

    /** The counts by table name, in the order the tables are written. */
    public Map<String, Long> byTable() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("skill", skills);
        counts.put("seat", seats);
        counts.put("seat_skill", seatSkills);
        counts.put("branch", branches);
        counts.put("branch_region", branchRegions);
        counts.put("branch_duty_shift", branchDutyShifts);
        counts.put("field_engineer", fieldEngineers);
        counts.put("field_engineer_skill", fieldEngineerSkills);
        counts.put("customer", customers);
        counts.put("customer_phone", customerPhones);
        counts.put("customer_product", customerProducts);
        counts.put("customer_product_module", customerProductModules);
        counts.put("kb_article", kbArticles);
        return Collections.unmodifiableMap(counts);
    }
}
