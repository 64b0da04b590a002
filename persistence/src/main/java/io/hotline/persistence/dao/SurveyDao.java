package io.hotline.persistence.dao;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Satisfaction surveys: scheduled when work is done, taken by IVR or a supervisor's call, recorded once.
 * Thread-safe when obtained with {@code Jdbi.onDemand}; confined to its handle's thread when attached.
 */
@RegisterConstructorMapper(SurveyRow.class)
public interface SurveyDao {

    /** The columns of {@code satisfaction_survey}, in {@link SurveyRow}'s order. */
    String COLUMNS = "id, work_order_id, dispatch_order_id, channel, due_at, attempts, outcome, score, auto_score,"
            + " comment_text, surveyed_by, recorded_at, reported_at";

    /** Schedules a survey, {@code PENDING} until a result is recorded; returns its id. */
    @SqlUpdate("INSERT INTO satisfaction_survey (work_order_id, dispatch_order_id, channel, due_at, outcome)"
            + " VALUES (:workOrderId, :dispatchOrderId, :channel, :dueAt, 'PENDING')")
    @GetGeneratedKeys("id")
    long schedule(@Bind("workOrderId") long workOrderId, @Bind("dispatchOrderId") Long dispatchOrderId,
                  @Bind("channel") SurveyChannel channel, @Bind("dueAt") Instant dueAt);

    /** Records the result of a pending survey, counting the attempt; false if it already had one. */
    @SqlUpdate("UPDATE satisfaction_survey SET outcome = :r.outcome, score = :r.score, auto_score = :r.autoScore,"
            + " comment_text = :r.commentText, surveyed_by = :r.surveyedBy, recorded_at = :r.recordedAt,"
            + " attempts = attempts + 1 WHERE id = :id AND outcome = 'PENDING'")
    boolean recordResult(@Bind("id") long id, @BindMethods("r") SurveyResult result);

    /** Counts an attempt that reached no one and moves the survey's due time; false if no longer pending. */
    @SqlUpdate("UPDATE satisfaction_survey SET attempts = attempts + 1, due_at = :nextDueAt"
            + " WHERE id = :id AND outcome = 'PENDING'")
    boolean recordMissedAttempt(@Bind("id") long id, @Bind("nextDueAt") Instant nextDueAt);

    /** Pending surveys due at or before {@code now}, earliest first, at most {@code limit}. */
    @SqlQuery("SELECT " + COLUMNS + " FROM satisfaction_survey WHERE outcome = 'PENDING' AND due_at <= :now"
            + " ORDER BY due_at, id LIMIT :limit")
    List<SurveyRow> listDue(@Bind("now") Instant now, @Bind("limit") int limit);

    /** The survey with this id. */
    @SqlQuery("SELECT " + COLUMNS + " FROM satisfaction_survey WHERE id = :id")
    Optional<SurveyRow> find(@Bind("id") long id);
}
