package io.hotline.persistence.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an import changed, or in a dry run would change, per kind of row. Immutable.
 *
 * @param counts  one per kind, in the order the kinds are written
 * @param written whether the changes were written ({@code false} for a dry run)
 */
public record ImportSummary(List<Count> counts, boolean written) {

    public ImportSummary {
        counts = List.copyOf(counts);
    }

    /** Rows added, updated and removed, over every kind: 0 when the database already matched the files. */
    public int changed() {
        return counts.stream().mapToInt(count -> count.added() + count.updated() + count.removed()).sum();
    }

    /** The count of one kind, e.g. {@code "seats"}. */
    public Count count(String kind) {
        return counts.stream().filter(count -> count.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no kind " + kind));
    }

    /** A table for the operator, one line per kind, then the total. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-10s %7s %7s %9s %7s", "", "added", "updated", "unchanged",
                "removed"));
        for (Count count : counts) {
            lines.add(String.format(Locale.ROOT, "%-10s %7d %7d %9d %7d", count.kind(), count.added(),
                    count.updated(), count.unchanged(), count.removed()));
        }
        lines.add(changed() + (written ? " changed." : " would change (dry run: nothing written)."));
        return lines;
    }

    /**
     * One kind's counts.
     *
     * @param kind      e.g. {@code seats}
     * @param added     rows new to the database
     * @param updated   rows whose values (or lists: skills, regions, phones, modules) differ from the database's
     * @param unchanged rows equal to the database's
     * @param removed   roster shifts and installed products no longer listed for their branch or customer
     */
    public record Count(String kind, int added, int updated, int unchanged, int removed) {
    }
}
