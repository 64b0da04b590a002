package io.hotline.persistence.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** engineers.csv: {@code code,name,branch,mobile,skills,active}. Stateless. */
final class EngineersCsv {
    static final String FILE = "engineers.csv";
    static final List<String> REQUIRED = List.of("code", "name", "branch", "mobile");
    static final List<String> OPTIONAL = List.of("skills", "active");

    private EngineersCsv() {
    }

    static List<Specs.Lined<Specs.Engineer>> read(CsvRows rows) {
        List<Specs.Lined<Specs.Engineer>> engineers = new ArrayList<>();
        for (CsvRow row : rows.rows()) {
            String code = row.code("code", 32);
            String name = row.text("name", 200);
            String branch = row.code("branch", 32);
            String mobile = row.phone("mobile");
            Map<String, Integer> skills = SkillLevels.read(row, "skills");
            boolean active = row.bool("active", true);
            if (row.ok()) {
                engineers.add(new Specs.Lined<>(row.line(),
                        new Specs.Engineer(code, name, branch, mobile, active, skills)));
            } else {
                row.leftOut(code);
            }
        }
        return engineers;
    }
}
