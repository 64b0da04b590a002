package io.hotline.web.desktop;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place a seat becomes the JSON of docs/api.md ({@code GET /api/desktop}'s {@code seat}, the {@code seat}
 * push, the supervisors' board). Stateless, thread-safe.
 */
public final class SeatJson {

    private SeatJson() {
    }

    /** The seat as JSON-ready maps; {@code now} counts the current call's seconds. */
    public static Map<String, Object> of(SeatCard seat, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seat", seat.seat());
        json.put("name", seat.name());
        json.put("tier", seat.tier() == null ? null : seat.tier().name());
        json.put("state", seat.state().name());
        json.put("reason", seat.reason());
        json.put("since", WorkOrderJson.text(seat.since()));
        json.put("deviceState", seat.deviceState().name());
        SeatCard.SeatCall call = seat.call();
        if (call == null) {
            json.put("call", null);
        } else {
            Map<String, Object> callJson = new LinkedHashMap<>();
            callJson.put("callId", call.callId());
            callJson.put("workOrderId", call.workOrderId());
            callJson.put("phase", call.connected() ? "answered" : "offered");
            callJson.put("since", WorkOrderJson.text(call.since()));
            callJson.put("seconds", Math.max(0, Duration.between(call.since(), now).toSeconds()));
            json.put("call", callJson);
        }
        return json;
    }
}
