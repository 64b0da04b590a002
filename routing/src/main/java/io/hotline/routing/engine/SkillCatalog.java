package io.hotline.routing.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Skill codes to dense int ids, so seats keep proficiencies in an array, and how many configured seats have each
 * skill (its rarity, by which the waiting index files calls). Confined to the routing thread.
 */
final class SkillCatalog {
    private final Map<String, Integer> ids = new HashMap<>();
    /** [skill id] -> configured seats that have the skill. */
    private int[] holders = new int[16];

    /** The id of {@code code}, assigning the next one on first sight. */
    int idOf(String code) {
        Integer id = ids.get(code);
        if (id == null) {
            id = ids.size();
            ids.put(code, id);
        }
        return id;
    }

    /** The id of {@code code}, or -1 when no seat or call has named it. */
    int find(String code) {
        return ids.getOrDefault(code, -1);
    }

    int size() {
        return ids.size();
    }

    /** Counts {@code delta} (+1 or -1) seats having each of {@code skillIds}. */
    void countHolders(int[] skillIds, int delta) {
        for (int skill : skillIds) {
            if (skill >= holders.length) {
                holders = Arrays.copyOf(holders, Math.max(skill + 1, holders.length * 2));
            }
            holders[skill] += delta;
        }
    }

    /** How many configured seats have skill {@code skillId}. */
    int holders(int skillId) {
        return skillId < holders.length ? holders[skillId] : 0;
    }
}
