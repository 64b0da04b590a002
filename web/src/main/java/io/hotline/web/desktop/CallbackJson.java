package io.hotline.web.desktop;

import io.hotline.routing.spi.CallbackLedger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place an open callback becomes the JSON of docs/api.md ({@code GET /api/callbacks}). Stateless,
 * thread-safe.
 */
public final class CallbackJson {

    private CallbackJson() {
    }

    /** The callback as a JSON-ready map. */
    public static Map<String, Object> of(CallbackLedger.OpenCallback callback) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", callback.callbackId());
        json.put("workOrderId", callback.workOrderId());
        json.put("number", callback.number());
        json.put("state", callback.state());
        json.put("requestedAt", WorkOrderJson.text(callback.requestedAt()));
        json.put("dueAt", WorkOrderJson.text(callback.dueAt()));
        json.put("attempts", callback.attempts());
        json.put("lastOutcome", callback.lastOutcome() == null ? null : callback.lastOutcome().name());
        json.put("lastSeat", callback.lastSeatId());
        return json;
    }
}
