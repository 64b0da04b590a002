package io.hotline.web.console;

import io.hotline.routing.desk.Actor;
import io.hotline.routing.field.Branch;
import io.hotline.routing.field.BranchChoice;
import io.hotline.routing.field.DispatchLeg;
import io.hotline.routing.field.DispatchState;
import io.hotline.routing.field.Engineer;
import io.hotline.routing.field.FieldDirectory;
import io.hotline.routing.field.FieldScore;
import io.hotline.routing.field.FieldStep;
import io.hotline.routing.field.FollowUp;
import io.hotline.routing.field.GeoPoint;
import io.hotline.routing.field.StoredDispatch;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place a dispatch order becomes the JSON of docs/api.md ({@code GET /api/console}'s orders,
 * {@code GET /api/dispatch/{id}}, the answers of the actions, the {@code dispatch} push): add a field here and every
 * one of them has it. Instants are ISO-8601 UTC with milliseconds, distances km with one decimal. Stateless,
 * thread-safe.
 */
public final class DispatchJson {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private DispatchJson() {
    }

    /**
     * The order as JSON-ready maps and lists, with its clocks counted from {@code now}.
     *
     * @param directory names the branches and the engineer
     */
    public static Map<String, Object> of(StoredDispatch dispatch, Instant now, FieldDirectory directory) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", dispatch.workOrderId());
        json.put("workOrderId", dispatch.workOrderId());
        json.put("state", dispatch.state().name());
        json.put("site", site(dispatch));
        json.put("productLine", dispatch.productLine());
        json.put("contactNumber", dispatch.contactNumber());
        json.put("openedAt", text(dispatch.openedAt()));
        String branchCode = dispatch.branchCode();
        json.put("branch", branchCode);
        Branch branch = branch(directory, branchCode);
        json.put("branchName", branch == null ? null : branch.name());
        DispatchLeg current = dispatch.currentLeg();
        json.put("distanceKm", current == null ? null : km(current.distanceKm()));
        json.put("ranking", ranking(dispatch, directory));
        json.put("legs", legs(dispatch));
        json.put("engineer", dispatch.engineerCode() == null ? null
                : engineer(dispatch.engineerCode(), directory));
        json.put("assignDueAt", text(dispatch.assignDueAt()));
        json.put("assignedAt", text(dispatch.assignedAt()));
        json.put("appointmentAt", text(dispatch.appointmentAt()));
        json.put("arrivedAt", text(dispatch.arrivedAt()));
        json.put("completedAt", text(dispatch.completedAt()));
        json.put("completionNote", dispatch.completionNote());
        json.put("followUp", followUp(dispatch.followUp()));
        json.put("score", score(dispatch.score()));
        json.put("closedAt", text(dispatch.closedAt()));
        json.put("clocks", clocks(dispatch, now));
        return json;
    }

    /** The order with its trail and SMS history, as {@code GET /api/dispatch/{id}} answers. */
    public static Map<String, Object> detail(StoredDispatch dispatch, Instant now, FieldDirectory directory,
                                             List<FieldStep> trail, List<SmsView> sms) {
        Map<String, Object> json = of(dispatch, now, directory);
        List<Map<String, Object>> steps = new ArrayList<>(trail.size());
        for (FieldStep step : trail) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("seq", step.sequence());
            entry.put("at", text(step.at()));
            entry.put("actor", actor(step.actor()));
            entry.put("actorKind", step.actor().kind().name());
            entry.put("step", step.step());
            entry.put("detail", step.detail());
            steps.add(entry);
        }
        json.put("trail", steps);
        List<Map<String, Object>> messages = new ArrayList<>(sms.size());
        for (SmsView message : sms) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("direction", message.direction());
            entry.put("phone", message.phone());
            entry.put("text", message.text());
            entry.put("status", message.status());
            entry.put("at", text(message.at()));
            entry.put("detail", message.detail());
            messages.add(entry);
        }
        json.put("sms", messages);
        return json;
    }

    /** A branch: its code, name and place. */
    public static Map<String, Object> branch(Branch branch) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", branch.code());
        json.put("name", branch.name());
        json.put("location", point(branch.location()));
        json.put("regions", branch.regions().stream().sorted().toList());
        return json;
    }

    /** An engineer: code, name, branch, mobile and whether they may be assigned. */
    public static Map<String, Object> engineer(Engineer engineer) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", engineer.code());
        json.put("name", engineer.name());
        json.put("branch", engineer.branchCode());
        json.put("mobile", engineer.mobile());
        json.put("active", engineer.active());
        return json;
    }

    private static Map<String, Object> engineer(String code, FieldDirectory directory) {
        for (Engineer engineer : directory.engineers()) {
            if (engineer.code().equals(code)) {
                return engineer(engineer);
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", code);
        json.put("name", null);
        return json;
    }

    private static Map<String, Object> site(StoredDispatch dispatch) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("address", dispatch.site().address());
        json.put("region", dispatch.site().region());
        json.put("location", dispatch.site().location() == null ? null : point(dispatch.site().location()));
        return json;
    }

    private static Map<String, Object> point(GeoPoint point) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("lat", point.latitude());
        json.put("lon", point.longitude());
        return json;
    }

    private static List<Map<String, Object>> ranking(StoredDispatch dispatch, FieldDirectory directory) {
        List<Map<String, Object>> json = new ArrayList<>(dispatch.ranking().size());
        for (BranchChoice choice : dispatch.ranking()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("branch", choice.branchCode());
            Branch branch = branch(directory, choice.branchCode());
            entry.put("name", branch == null ? null : branch.name());
            entry.put("distanceKm", km(choice.distanceKm()));
            entry.put("openLoad", choice.openLoad());
            json.add(entry);
        }
        return json;
    }

    private static List<Map<String, Object>> legs(StoredDispatch dispatch) {
        List<Map<String, Object>> json = new ArrayList<>(dispatch.legs().size());
        for (DispatchLeg leg : dispatch.legs()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("number", leg.number());
            entry.put("branch", leg.branchCode());
            entry.put("distanceKm", km(leg.distanceKm()));
            entry.put("sentAt", text(leg.sentAt()));
            entry.put("ackDueAt", text(leg.ackDueAt()));
            entry.put("acknowledgedAt", text(leg.acknowledgedAt()));
            entry.put("expiredAt", text(leg.expiredAt()));
            json.add(entry);
        }
        return json;
    }

    private static Map<String, Object> followUp(FollowUp followUp) {
        if (followUp == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dueAt", text(followUp.dueAt()));
        json.put("attempts", followUp.attempts());
        json.put("satisfaction", followUp.satisfaction());
        json.put("comment", followUp.comment());
        json.put("recordedAt", text(followUp.recordedAt()));
        json.put("recordedBy", followUp.recordedBy());
        return json;
    }

    private static Map<String, Object> score(FieldScore score) {
        if (score == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total", score.total());
        json.put("satisfaction", score.satisfaction());
        json.put("punctuality", score.punctuality());
        json.put("deadlines", score.deadlines());
        return json;
    }

    /**
     * The deadlines running now: the current leg's acknowledgement while the order waits for it, the assignment
     * while acknowledged, the follow-up while completed and not yet recorded; {@code null} for one not running.
     */
    private static Map<String, Object> clocks(StoredDispatch dispatch, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        DispatchLeg leg = dispatch.currentLeg();
        json.put("acknowledge", dispatch.state() == DispatchState.SENT && leg != null && leg.acknowledgedAt() == null
                ? clock(leg.ackDueAt(), now) : null);
        json.put("assign", dispatch.state() == DispatchState.ACKNOWLEDGED && dispatch.assignDueAt() != null
                ? clock(dispatch.assignDueAt(), now) : null);
        FollowUp followUp = dispatch.followUp();
        json.put("followUp", dispatch.state() == DispatchState.COMPLETED && followUp != null
                && followUp.recordedAt() == null ? clock(followUp.dueAt(), now) : null);
        return json;
    }

    private static Map<String, Object> clock(Instant dueAt, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dueAt", text(dueAt));
        long remaining = Duration.between(now, dueAt).toSeconds();
        json.put("remainingSeconds", Math.max(0, remaining));
        json.put("late", !now.isBefore(dueAt));
        return json;
    }

    private static Branch branch(FieldDirectory directory, String code) {
        if (code == null) {
            return null;
        }
        for (Branch branch : directory.branches()) {
            if (branch.code().equals(code)) {
                return branch;
            }
        }
        return null;
    }

    /** A person by their login or engineer code; the desk itself and a call as {@code system}. */
    private static String actor(Actor actor) {
        switch (actor.kind()) {
            case SEAT:
            case SUPERVISOR:
            case DUTY_MANAGER:
            case ENGINEER:
                return actor.id();
            default:
                return "system";
        }
    }

    private static double km(double distance) {
        return Math.round(distance * 10) / 10.0;
    }

    /** An instant as ISO-8601 UTC with milliseconds, or {@code null}. */
    static String text(Instant instant) {
        return instant == null ? null : INSTANT.format(instant);
    }
}
