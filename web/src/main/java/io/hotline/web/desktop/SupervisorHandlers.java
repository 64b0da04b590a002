package io.hotline.web.desktop;

import io.hotline.web.http.ApiReplies;
import com.fasterxml.jackson.databind.JsonNode;
import io.hotline.routing.seat.SeatState;
import io.hotline.routing.spi.CallMonitor;
import io.hotline.routing.spi.CallbackLedger;
import io.hotline.web.http.AuthenticatedUser;
import io.hotline.web.http.HttpReply;
import io.hotline.web.http.RouteRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The supervisors' side of docs/api.md: the board of every seat ({@code GET /api/supervisor/seats}) and of every
 * open work order ({@code GET /api/supervisor/work-orders}), a seat's state changed for its agent
 * ({@code POST /api/seats/{seat}/state}), listen / whisper / barge ({@code POST /api/supervisor/monitor}) and the
 * open callbacks ({@code GET /api/callbacks}). Every handler first asks {@link DesktopAccess#maySupervise} (403),
 * then reads the body (400). Stateless apart from its backend; thread-safe; never blocks (the views are in memory,
 * the rest chains on the backend's stages).
 */
final class SupervisorHandlers {
    /** The most callbacks {@code GET /api/callbacks} lists. */
    static final int MAX_CALLBACKS = 500;

    private final DesktopBackend backend;

    SupervisorHandlers(DesktopBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    CompletionStage<HttpReply> seats(RouteRequest request) {
        if (!DesktopAccess.maySupervise(request.user().orElseThrow())) {
            return ApiReplies.now(forbidden());
        }
        List<SeatCard> seats = new ArrayList<>(backend.seats());
        seats.sort(Comparator.comparing(SeatCard::seat));
        List<Map<String, Object>> json = new ArrayList<>(seats.size());
        seats.forEach(seat -> json.add(SeatJson.of(seat, backend.now())));
        return ApiReplies.now(HttpReply.json(HttpResponseStatus.OK, Map.of("seats", json)));
    }

    CompletionStage<HttpReply> workOrders(RouteRequest request) {
        if (!DesktopAccess.maySupervise(request.user().orElseThrow())) {
            return ApiReplies.now(forbidden());
        }
        List<WorkOrderView> open = new ArrayList<>(backend.workOrders());
        open.sort(Comparator.comparingLong(WorkOrderView::id));
        List<Map<String, Object>> json = new ArrayList<>(open.size());
        open.forEach(view -> json.add(WorkOrderJson.of(view, backend.now(), false)));
        return ApiReplies.now(HttpReply.json(HttpResponseStatus.OK, Map.of("workOrders", json)));
    }

    /** Sets the seat's state with the same routing events as its keypad; answers with routing's verdict. */
    CompletionStage<HttpReply> seatState(RouteRequest request) {
        if (!DesktopAccess.maySupervise(request.user().orElseThrow())) {
            return ApiReplies.now(forbidden());
        }
        String seatId = request.pathParameter("seat").orElse("");
        if (backend.seat(seatId).isEmpty()) {
            return ApiReplies.now(ApiReplies.notFound("There is no seat " + seatId + "."));
        }
        Optional<JsonNode> body = ApiReplies.object(request.body());
        SeatAction action = body.flatMap(json -> DesktopReplies.text(json, "state")).map(SupervisorHandlers::action)
                .orElse(null);
        if (action == null) {
            return ApiReplies.now(ApiReplies.badRequest("\"state\" is one of READY, NOT_READY, LOGGED_OUT."));
        }
        Optional<String> reason = DesktopReplies.required(body.get(), "reason");
        if (action == SeatAction.NOT_READY && reason.isEmpty()) {
            return ApiReplies.now(ApiReplies.badRequest("Not ready needs a \"reason\"."));
        }
        return backend.seatRequest(seatId, action, action == SeatAction.NOT_READY ? reason.get() : null)
                .handle((verdict, error) -> {
                    if (error != null) {
                        return ApiReplies.busy();
                    }
                    if (!verdict.accepted()) {
                        return ApiReplies.refused(verdict.reason());
                    }
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("accepted", true);
                    json.put("seat", verdict.seat() == null ? null : SeatJson.of(verdict.seat(), backend.now()));
                    return HttpReply.json(HttpResponseStatus.OK, json);
                });
    }

    private static SeatAction action(String state) {
        if (state.equals(SeatState.READY.name())) {
            return SeatAction.READY;
        } else if (state.equals(SeatState.NOT_READY.name())) {
            return SeatAction.NOT_READY;
        } else if (state.equals(SeatState.LOGGED_OUT.name())) {
            return SeatAction.LOGOUT;
        }
        return null;
    }

    /** Rings the supervisor's phone into the seat's call; 409 with the monitor's reason when it cannot. */
    CompletionStage<HttpReply> monitor(RouteRequest request) {
        AuthenticatedUser user = request.user().orElseThrow();
        if (!DesktopAccess.maySupervise(user)) {
            return ApiReplies.now(forbidden());
        }
        Optional<JsonNode> body = ApiReplies.object(request.body());
        Optional<String> seat = body.flatMap(json -> DesktopReplies.required(json, "seat"));
        CallMonitor.Mode mode = body.flatMap(json -> DesktopReplies.text(json, "mode")).map(SupervisorHandlers::mode)
                .orElse(null);
        if (seat.isEmpty() || mode == null) {
            return ApiReplies.now(ApiReplies.badRequest(
                    "Monitoring needs a \"seat\" and a \"mode\": listen, whisper or barge."));
        }
        if (backend.seat(seat.get()).isEmpty()) {
            return ApiReplies.now(ApiReplies.notFound("There is no seat " + seat.get() + "."));
        }
        return backend.monitor(user.name(), seat.get(), mode).handle((result, error) -> {
            if (error != null) {
                return ApiReplies.busy();
            }
            if (!result.accepted()) {
                return ApiReplies.refused(result.reason());
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("accepted", true);
            json.put("seat", seat.get());
            json.put("mode", mode.name().toLowerCase(Locale.ROOT));
            return HttpReply.json(HttpResponseStatus.OK, json);
        });
    }

    private static CallMonitor.Mode mode(String mode) {
        for (CallMonitor.Mode candidate : CallMonitor.Mode.values()) {
            if (candidate.name().toLowerCase(Locale.ROOT).equals(mode)) {
                return candidate;
            }
        }
        return null;
    }

    CompletionStage<HttpReply> callbacks(RouteRequest request) {
        if (!DesktopAccess.maySupervise(request.user().orElseThrow())) {
            return ApiReplies.now(forbidden());
        }
        return backend.callbacks(MAX_CALLBACKS).handle((open, error) -> {
            if (error != null) {
                return ApiReplies.busy();
            }
            List<Map<String, Object>> json = new ArrayList<>(open.size());
            for (CallbackLedger.OpenCallback callback : open) {
                json.add(CallbackJson.of(callback));
            }
            return HttpReply.json(HttpResponseStatus.OK, Map.of("callbacks", json));
        });
    }

    static HttpReply forbidden() {
        return ApiReplies.forbidden("This is for supervisors and admins.");
    }
}
