package io.hotline.persistence.importer;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rows of one kind already in the database: what each says ({@link Specs}) and its database id, by natural
 * key. Filled once by {@link StoredOrganisation}, then read only. Confined to the importing thread.
 *
 * @param <T> the kind of row
 */
final class Stored<T> {
    private final Map<String, T> specs = new LinkedHashMap<>();
    private final Map<String, Long> ids = new HashMap<>();

    void put(String key, long id, T spec) {
        specs.put(key, spec);
        ids.put(key, id);
    }

    /** What the row with this key says, or {@code null} when there is none. */
    T get(String key) {
        return specs.get(key);
    }

    boolean contains(String key) {
        return specs.containsKey(key);
    }

    /** The row's id, or {@code null} when there is none. */
    Long id(String key) {
        return ids.get(key);
    }

    /** Every stored row, by key. */
    Map<String, T> all() {
        return specs;
    }
}
