package io.hotline.web.console;

import io.hotline.routing.field.FieldCommand;
import io.hotline.routing.field.StoredDispatch;
import io.hotline.web.push.PushHub;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The console's pushes of docs/api.md over the push hub: {@code dispatch} (an order opened or changed) to the
 * duty managers of every branch it went to and to the supervisors and admins; {@code follow_up_due} to the
 * branch's duty managers and headquarters; {@code hq_alert} to headquarters and to the duty managers of the branch
 * that holds the order. Each connection gets a message once, whatever roles its user has. Called by {@code app}
 * with the field leg's commands (on the service-desk thread); builds small maps and hands them to the hub, which
 * never blocks. Thread-safe: holds no state of its own.
 */
public final class ConsolePushes {
    private final PushHub hub;
    private final ConsoleBackend backend;

    /**
     * @param hub     where the messages go
     * @param backend the clock and the directory the JSON is written with, and the orders an alert is about
     */
    public ConsolePushes(PushHub hub, ConsoleBackend backend) {
        this.hub = Objects.requireNonNull(hub, "hub");
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    /** The order was opened or changed ({@code FieldCommand.DispatchChanged}); the connections reached. */
    public int dispatchChanged(StoredDispatch dispatch) {
        Map<String, Object> json = DispatchJson.of(dispatch, backend.now(), backend.directory());
        return hub.toMatching(user -> ConsoleAccess.hears(user, dispatch), "dispatch", json);
    }

    /** The follow-up of a completed order is due; the connections reached. */
    public int followUpDue(FieldCommand.FollowUpDue due) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("workOrderId", due.workOrderId());
        json.put("branch", due.branchCode());
        json.put("contactNumber", due.contactNumber());
        json.put("attempt", due.attempt());
        json.put("dueAt", DispatchJson.text(due.at()));
        return hub.toMatching(user -> ConsoleAccess.hearsBranch(user, due.branchCode()), "follow_up_due", json);
    }

    /** Headquarters is alerted (re-dispatched, unplaced, assignment late, unreachable); the connections reached. */
    public int headquartersAlert(FieldCommand.HeadquartersAlert alert) {
        String branch = alert.workOrderId() > 0
                ? backend.order(alert.workOrderId()).map(StoredDispatch::branchCode).orElse(null) : null;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("workOrderId", alert.workOrderId());
        json.put("branch", branch);
        json.put("kind", alert.kind());
        json.put("text", alert.text());
        json.put("at", DispatchJson.text(alert.at()));
        return hub.toMatching(user -> ConsoleAccess.hearsBranch(user, branch), "hq_alert", json);
    }
}
