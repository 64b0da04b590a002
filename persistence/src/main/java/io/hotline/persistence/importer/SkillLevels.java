package io.hotline.persistence.importer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a skills column: {@code CODE:proficiency} entries separated by ';', e.g. {@code ERP_U8:4; ERP_U8_GL:3;
 * ZH:5}; proficiency 1-5, the full-width '：' and '；' accepted too. Stateless.
 */
final class SkillLevels {

    private SkillLevels() {
    }

    /** The skill codes and proficiencies of {@code column}; bad entries are reported and left out. */
    static Map<String, Integer> read(CsvRow row, String column) {
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (String entry : row.list(column)) {
            String[] parts = entry.split("[:：]", -1);
            Integer proficiency = parts.length == 2 ? proficiency(parts[1].strip()) : null;
            String code = parts[0].strip();
            if (proficiency == null || code.isEmpty()) {
                row.problem(column, "'" + entry + "' is not SKILL_CODE:proficiency with a proficiency of 1 to 5"
                        + " (e.g. ERP_U8:4)");
            } else if (levels.putIfAbsent(code, proficiency) != null) {
                row.problem(column, "skill " + code + " is listed twice");
            }
        }
        return levels;
    }

    private static Integer proficiency(String text) {
        return text.length() == 1 && text.charAt(0) >= '1' && text.charAt(0) <= '5' ? text.charAt(0) - '0' : null;
    }
}
