package io.hotline.persistence.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What importing one kind of row changes: the rows to add, the rows to update (by database id), how many are
 * unchanged, and, for kinds whose rows for one parent are that parent's whole set (a branch's roster, a customer's
 * products), the stored rows to remove. Built once, then read only. Confined to the importing thread.
 *
 * @param <T> the kind of row
 */
final class Changes<T> {
    final List<T> added = new ArrayList<>();
    final Map<Long, T> updated = new LinkedHashMap<>();
    final List<Long> removed = new ArrayList<>();
    private int unchanged;

    private Changes() {
    }

    /** Compares every row of a file with the stored row of the same key. */
    static <T> Changes<T> of(List<Specs.Lined<T>> rows, Stored<T> stored, Function<T, String> key) {
        Changes<T> changes = new Changes<>();
        for (Specs.Lined<T> row : rows) {
            String rowKey = key.apply(row.spec());
            T before = stored.get(rowKey);
            if (before == null) {
                changes.added.add(row.spec());
            } else if (before.equals(row.spec())) {
                changes.unchanged++;
            } else {
                changes.updated.put(stored.id(rowKey), row.spec());
            }
        }
        return changes;
    }

    /** As {@link #of}, and removes the stored rows of each parent the file names that the file does not list. */
    static <T> Changes<T> replacingSets(List<Specs.Lined<T>> rows, Stored<T> stored, Function<T, String> key,
                                        Function<T, String> parent) {
        Changes<T> changes = of(rows, stored, key);
        Set<String> parents = new HashSet<>();
        Set<String> keys = new HashSet<>();
        rows.forEach(row -> {
            parents.add(parent.apply(row.spec()));
            keys.add(key.apply(row.spec()));
        });
        stored.all().forEach((storedKey, spec) -> {
            if (parents.contains(parent.apply(spec)) && !keys.contains(storedKey)) {
                changes.removed.add(stored.id(storedKey));
            }
        });
        return changes;
    }

    /** The added and updated rows: those whose child rows (skills, regions, phones...) are written again. */
    List<T> written() {
        List<T> written = new ArrayList<>(added);
        written.addAll(updated.values());
        return written;
    }

    /** The counts of this kind for the summary. */
    ImportSummary.Count count(String kind) {
        return new ImportSummary.Count(kind, added.size(), updated.size(), unchanged, removed.size());
    }
}
