package io.hotline.persistence.importer;

import io.hotline.routing.ladder.Tier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** seats.csv: {@code code,name,tier,sip_endpoint,skills,active}. Stateless. */
final class SeatsCsv {
    static final String FILE = "seats.csv";
    static final List<String> REQUIRED = List.of("code", "name", "tier", "sip_endpoint");
    static final List<String> OPTIONAL = List.of("skills", "active");
    /** An Asterisk device: technology, '/', resource, e.g. PJSIP/1001. */
    private static final Pattern ENDPOINT = Pattern.compile("[A-Za-z][A-Za-z0-9]*/[^\\s/,;]+");

    private SeatsCsv() {
    }

    static List<Specs.Lined<Specs.Seat>> read(CsvRows rows) {
        List<Tier> seatTiers = Arrays.stream(Tier.values()).filter(Tier::isSeatTier).toList();
        List<Specs.Lined<Specs.Seat>> seats = new ArrayList<>();
        for (CsvRow row : rows.rows()) {
            String code = row.code("code", 32);
            String name = row.text("name", 200);
            Tier tier = row.choice("tier", Tier.class, seatTiers);
            String endpoint = row.text("sip_endpoint", 128);
            if (endpoint != null && !ENDPOINT.matcher(endpoint).matches()) {
                row.problem("sip_endpoint", "'" + endpoint + "' is not an Asterisk endpoint such as PJSIP/1001");
            }
            Map<String, Integer> skills = SkillLevels.read(row, "skills");
            boolean active = row.bool("active", true);
            if (row.ok()) {
                seats.add(new Specs.Lined<>(row.line(), new Specs.Seat(code, name, tier, endpoint, active, skills)));
            } else {
                row.leftOut(code);
            }
        }
        return seats;
    }
}
