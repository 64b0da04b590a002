package io.hotline.persistence.calls;

import io.hotline.persistence.DatabaseUnavailableException;
import io.hotline.persistence.dao.CallOutcome;
import io.hotline.persistence.internal.UtcInstants;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * One queue's calls since an instant, from {@code call_record} (docs/figures.md: offered, answered, answered within
 * the queue's threshold, abandoned), for the wallboard's "today". The SQL counts; it decides nothing but what the
 * definitions say: a row with a {@code queue} joined it, {@code answered_at} set is answered, within the threshold
 * is {@code wait_ms <= threshold} as routing counts it, outcome {@code ABANDONED} is abandoned. Read-only;
 * instants bound as UTC strings ({@link UtcInstants}).
 * <p>
 * Thread-safe; {@link #since} blocks on the database: call it from a figures thread, never an event loop or an
 * engine thread.
 */
public final class QueueDayQuery {
    private static final String SELECT = "SELECT COUNT(*) AS offered,"
            + " COALESCE(SUM(answered_at IS NOT NULL), 0) AS answered,"
            + " COALESCE(SUM(answered_at IS NOT NULL AND wait_ms <= :thresholdMs), 0) AS within_threshold,"
            + " COALESCE(SUM(outcome = :abandoned), 0) AS abandoned"
            + " FROM call_record WHERE queue = :queue AND joined_at >= :from";

    private final Jdbi jdbi;

    public QueueDayQuery(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /**
     * A queue's calls.
     *
     * @param offered                 calls that joined it
     * @param answered                of those, answered by a seat
     * @param answeredWithinThreshold of those, answered within the threshold
     * @param abandoned               callers who hung up before a seat answered
     */
    public record QueueDay(long offered, long answered, long answeredWithinThreshold, long abandoned) {
    }

    /**
     * Each queue's calls that joined it from {@code from}, by name, with its service-level threshold.
     *
     * @throws DatabaseUnavailableException when the database does not answer
     */
    public Map<String, QueueDay> since(Instant from, Map<String, Duration> thresholds) {
        try {
            return jdbi.withHandle(handle -> {
                Map<String, QueueDay> days = new LinkedHashMap<>();
                thresholds.forEach((queue, threshold) -> days.put(queue, handle.createQuery(SELECT)
                        .bind("queue", queue).bind("from", UtcInstants.toSql(from))
                        .bind("thresholdMs", threshold.toMillis()).bind("abandoned", CallOutcome.ABANDONED.name())
                        .map((rows, context) -> new QueueDay(rows.getLong("offered"), rows.getLong("answered"),
                                rows.getLong("within_threshold"), rows.getLong("abandoned"))).one()));
                return days;
            });
        } catch (JdbiException e) {
            throw new DatabaseUnavailableException("the queues' calls since " + from + " cannot be read: "
                    + e.getMessage(), e);
        }
    }
}
