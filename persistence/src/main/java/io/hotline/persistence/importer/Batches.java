package io.hotline.persistence.importer;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The import's statements on one {@link Handle}, inside its transaction: one prepared batch per statement (the
 * driver rewrites a batch of INSERTs into multi-row INSERTs), every value bound; ids read back by natural key.
 * Dates and times are bound as ISO text, which both servers read as the literal whatever the session's time zone.
 * Confined to the handle's thread.
 */
final class Batches {
    static final int CHUNK = 1000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final Handle handle;

    Batches(Handle handle) {
        this.handle = handle;
    }

    Handle handle() {
        return handle;
    }

    /** Runs {@code sql} once per row, binding each with {@code bind}, as one batch. */
    <T> void run(String sql, Collection<T> rows, BiConsumer<PreparedBatch, T> bind) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedBatch batch = handle.prepareBatch(sql)) {
            for (T row : rows) {
                bind.accept(batch, row);
                batch.add();
            }
            batch.execute();
        }
    }

    /** Runs {@code sql} once per id, bound as {@code :id}. */
    void byId(String sql, Collection<Long> ids) {
        run(sql, ids, (batch, id) -> batch.bind("id", id));
    }

    /** The ids of the rows of {@code table} with these codes. */
    Map<String, Long> ids(String table, Collection<String> codes) {
        Map<String, Long> ids = new HashMap<>();
        for (List<String> chunk : chunks(codes)) {
            handle.createQuery("SELECT id, code FROM <table> WHERE code IN (<codes>)")
                    .define("table", table)
                    .bindList("codes", chunk)
                    .map((row, context) -> ids.put(row.getString("code"), row.getLong("id")))
                    .list();
        }
        return ids;
    }

    /** {@code values} in lists of at most {@value #CHUNK}, for IN lists far below any server's limits. */
    static List<List<String>> chunks(Collection<String> values) {
        List<String> all = List.copyOf(values);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }

    static String time(LocalTime time) {
        return TIME.format(time);
    }

    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
