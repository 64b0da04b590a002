package io.hotline.persistence.outbox;

import io.hotline.routing.field.DispatchLeg;
import io.hotline.routing.field.FieldScore;
import io.hotline.routing.field.FieldStep;
import io.hotline.routing.field.FollowUp;
import io.hotline.routing.field.GeoPoint;
import io.hotline.routing.field.StoredDispatch;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The statements that write the field leg's entries ({@link FieldEntry}), each idempotent, so that an entry written
 * again (a replay after a crash between the database's commit and the checkpoint's) changes nothing more: the
 * dispatch's stored form and its legs are upserted (the entry's values win), a step is inserted once per
 * {@code (work order, sequence)}, an SMS once per {@code (work order, key)}, a report once per work order. They
 * write what the entries carry and decide nothing. Duplicates are recognised by {@code ON DUPLICATE KEY UPDATE}
 * of the key onto itself rather than {@code INSERT IGNORE}, which would also swallow a missing work order.
 * Stateless.
 */
final class FieldWrites {
    private static final String DISPATCH_COLUMNS = "state, site_address, site_latitude, site_longitude, site_region,"
            + " product_line, contact_number, opened_at, branch_code, engineer_code, assign_due_at, assigned_at,"
            + " appointment_at, arrived_at, completed_at, completion_note, follow_up_due_at, follow_up_attempts,"
            + " follow_up_satisfaction, follow_up_comment, follow_up_recorded_at, follow_up_recorded_by,"
            + " score_total, score_satisfaction, score_punctuality, score_deadlines, closed_at, fired, steps,"
            + " ranking, updated_at";
    private static final String DISPATCH_VALUES = ":state, :address, :latitude, :longitude, :region, :productLine,"
            + " :contact, :openedAt, :branch, :engineer, :assignDueAt, :assignedAt, :appointmentAt, :arrivedAt,"
            + " :completedAt, :note, :followUpDue, :followUpAttempts, :satisfaction, :comment, :recordedAt,"
            + " :recordedBy, :total, :scoreSatisfaction, :punctuality, :deadlines, :closedAt, :fired, :steps,"
            + " :ranking, :at";
    /** The dispatch's stored form, inserted or replaced. */
    static final String DISPATCH = "INSERT INTO field_dispatch (work_order_id, " + DISPATCH_COLUMNS + ") VALUES"
            + " (:id, " + DISPATCH_VALUES + ") ON DUPLICATE KEY UPDATE " + assignments();
    /** One leg, inserted or replaced. */
    static final String LEG = "INSERT INTO field_dispatch_leg (work_order_id, number, branch_code, distance_km,"
            + " sent_at, ack_due_at, acknowledged_at, expired_at) VALUES (:id, :number, :branch, :km, :sentAt,"
            + " :ackDueAt, :acknowledgedAt, :expiredAt) ON DUPLICATE KEY UPDATE branch_code = :branch,"
            + " distance_km = :km, sent_at = :sentAt, ack_due_at = :ackDueAt, acknowledged_at = :acknowledgedAt,"
            + " expired_at = :expiredAt";
    /** One step of the trail, once. */
    static final String STEP = "INSERT INTO field_step (work_order_id, sequence, at, actor_kind, actor, step,"
            + " detail) VALUES (:id, :sequence, :at, :actorKind, :actor, :step, :detail)"
            + " ON DUPLICATE KEY UPDATE work_order_id = work_order_id";
    /** An SMS to send, queued once per (work order, key). */
    static final String SMS = "INSERT INTO sms_message (direction, phone_number, body, status, work_order_id,"
            + " sms_key, attempts, next_attempt_at, created_at) VALUES ('OUT', :to, :body, 'QUEUED', :id, :key, 0,"
            + " :at, :at) ON DUPLICATE KEY UPDATE id = id";
    /** Headquarters' row of a closed service event, once. */
    static final String REPORT = "INSERT INTO field_report (work_order_id, branch_code, engineer_code, product_line,"
            + " site_region, legs, distance_km, opened_at, acknowledged_at, assigned_at, appointment_at, arrived_at,"
            + " completed_at, closed_at, satisfaction, follow_up_attempts, score_total, score_satisfaction,"
            + " score_punctuality, score_deadlines, reported_at) VALUES (:id, :branch, :engineer, :productLine,"
            + " :region, :legs, :km, :openedAt, :acknowledgedAt, :assignedAt, :appointmentAt, :arrivedAt,"
            + " :completedAt, :closedAt, :satisfaction, :followUpAttempts, :total, :scoreSatisfaction,"
            + " :punctuality, :deadlines, :reportedAt) ON DUPLICATE KEY UPDATE work_order_id = work_order_id";

    private FieldWrites() {
    }

    /** The dispatch upserted, then its legs, then its step. */
    static void dispatchChanged(Handle handle, FieldEntry.DispatchChanged entry) {
        StoredDispatch dispatch = entry.dispatch();
        bindDispatch(handle.createUpdate(DISPATCH), dispatch).bind("at", entry.step().at()).execute();
        if (!dispatch.legs().isEmpty()) {
            PreparedBatch legs = handle.prepareBatch(LEG);
            for (DispatchLeg leg : dispatch.legs()) {
                legs.bind("id", dispatch.workOrderId()).bind("number", leg.number()).bind("branch", leg.branchCode())
                        .bind("km", leg.distanceKm()).bind("sentAt", leg.sentAt()).bind("ackDueAt", leg.ackDueAt())
                        .bind("acknowledgedAt", leg.acknowledgedAt()).bind("expiredAt", leg.expiredAt()).add();
            }
            legs.execute();
        }
        FieldStep step = entry.step();
        handle.createUpdate(STEP).bind("id", step.workOrderId()).bind("sequence", step.sequence())
                .bind("at", step.at()).bind("actorKind", step.actor().kind().name())
                .bind("actor", step.actor().id()).bind("step", step.step()).bind("detail", step.detail())
                .execute();
    }

    static void smsQueued(Handle handle, FieldEntry.SmsQueued entry) {
        handle.createUpdate(SMS).bind("to", entry.to()).bind("body", entry.body()).bind("id", entry.workOrderId())
                .bind("key", entry.key()).bind("at", entry.occurredAt()).execute();
    }

    static void reported(Handle handle, FieldEntry.Reported entry) {
        StoredDispatch dispatch = entry.dispatch();
        DispatchLeg leg = dispatch.currentLeg();
        FollowUp followUp = dispatch.followUp();
        FieldScore score = dispatch.score();
        if (score == null) {
            throw new IllegalArgumentException("dispatch order " + dispatch.workOrderId()
                    + " was reported without a score");
        }
        handle.createUpdate(REPORT).bind("id", dispatch.workOrderId()).bind("branch", dispatch.branchCode())
                .bind("engineer", dispatch.engineerCode()).bind("productLine", dispatch.productLine())
                .bind("region", dispatch.site().region()).bind("legs", dispatch.legs().size())
                .bind("km", leg == null ? null : leg.distanceKm()).bind("openedAt", dispatch.openedAt())
                .bind("acknowledgedAt", leg == null ? null : leg.acknowledgedAt())
                .bind("assignedAt", dispatch.assignedAt()).bind("appointmentAt", dispatch.appointmentAt())
                .bind("arrivedAt", dispatch.arrivedAt()).bind("completedAt", dispatch.completedAt())
                .bind("closedAt", dispatch.closedAt())
                .bind("satisfaction", followUp == null ? null : followUp.satisfaction())
                .bind("followUpAttempts", followUp == null ? null : followUp.attempts())
                .bind("total", score.total()).bind("scoreSatisfaction", score.satisfaction())
                .bind("punctuality", score.punctuality()).bind("deadlines", score.deadlines())
                .bind("reportedAt", entry.reportedAt()).execute();
    }

    private static <S extends SqlStatement<S>> S bindDispatch(S statement, StoredDispatch dispatch) {
        GeoPoint location = dispatch.site().location();
        FollowUp followUp = dispatch.followUp();
        FieldScore score = dispatch.score();
        statement.bind("id", dispatch.workOrderId()).bind("state", dispatch.state().name())
                .bind("address", dispatch.site().address())
                .bind("latitude", location == null ? null : location.latitude())
                .bind("longitude", location == null ? null : location.longitude())
                .bind("region", dispatch.site().region()).bind("productLine", dispatch.productLine())
                .bind("contact", dispatch.contactNumber()).bind("openedAt", dispatch.openedAt())
                .bind("branch", dispatch.branchCode()).bind("engineer", dispatch.engineerCode())
                .bind("assignDueAt", dispatch.assignDueAt()).bind("assignedAt", dispatch.assignedAt())
                .bind("appointmentAt", dispatch.appointmentAt()).bind("arrivedAt", dispatch.arrivedAt())
                .bind("completedAt", dispatch.completedAt()).bind("note", dispatch.completionNote())
                .bind("followUpDue", followUp == null ? null : followUp.dueAt())
                .bind("followUpAttempts", followUp == null ? null : followUp.attempts())
                .bind("satisfaction", followUp == null ? null : followUp.satisfaction())
                .bind("comment", followUp == null ? null : followUp.comment())
                .bind("recordedAt", followUp == null ? null : followUp.recordedAt())
                .bind("recordedBy", followUp == null ? null : followUp.recordedBy())
                .bind("total", score == null ? null : score.total())
                .bind("scoreSatisfaction", score == null ? null : score.satisfaction())
                .bind("punctuality", score == null ? null : score.punctuality())
                .bind("deadlines", score == null ? null : score.deadlines())
                .bind("closedAt", dispatch.closedAt()).bind("fired", dispatch.fired())
                .bind("steps", dispatch.steps()).bind("ranking", FieldFields.ranking(dispatch.ranking()));
        return statement;
    }

    /** {@code column = :value} for every column the upsert replaces. */
    private static String assignments() {
        String[] columns = DISPATCH_COLUMNS.split(",\\s*");
        String[] values = DISPATCH_VALUES.split(",\\s*");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            text.append(i == 0 ? "" : ", ").append(columns[i]).append(" = ").append(values[i]);
        }
        return text.toString();
    }
}
