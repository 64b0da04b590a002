package io.hotline.persistence.importer;

import io.hotline.persistence.dao.SkillKind;
import java.util.ArrayList;
import java.util.List;

/** skills.csv: {@code code,name,kind,parent}. Stateless. */
final class SkillsCsv {
    static final String FILE = "skills.csv";
    static final List<String> REQUIRED = List.of("code", "name", "kind");
    static final List<String> OPTIONAL = List.of("parent");

    private SkillsCsv() {
    }

    static List<Specs.Lined<Specs.Skill>> read(CsvRows rows) {
        List<Specs.Lined<Specs.Skill>> skills = new ArrayList<>();
        for (CsvRow row : rows.rows()) {
            String code = row.code("code", 64);
            String name = row.text("name", 200);
            SkillKind kind = row.choice("kind", SkillKind.class, List.of(SkillKind.values()));
            String parent = row.optionalText("parent", 64);
            if (kind == SkillKind.MODULE && parent.isEmpty()) {
                row.problem("parent", "a MODULE needs its product line's code as parent");
            } else if (kind != null && kind != SkillKind.MODULE && !parent.isEmpty()) {
                row.problem("parent", "only a MODULE has a parent (this is a " + kind + ")");
            }
            if (row.ok()) {
                skills.add(new Specs.Lined<>(row.line(),
                        new Specs.Skill(code, name, kind, parent.isEmpty() ? null : parent)));
            } else {
                row.leftOut(code);
            }
        }
        return skills;
    }
}
