package io.hotline.routing.engine;

import java.util.HashMap;
import java.util.Map;

/** Skill codes to dense int ids, so seats keep proficiencies in an array. Confined to the routing thread. */
final class SkillCatalog {
    private final Map<String, Integer> ids = new HashMap<>();

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
}
