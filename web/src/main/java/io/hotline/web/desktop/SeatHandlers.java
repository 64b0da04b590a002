package io.hotline.web.desktop;

import io.hotline.web.http.ApiReplies;
import com.fasterxml.jackson.databind.JsonNode;
import io.hotline.routing.knowledge.KnowledgeHit;
import io.hotline.web.http.AuthenticatedUser;
import io.hotline.web.http.HttpReply;
import io.hotline.web.http.Roles;
import io.hotline.web.http.RouteRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /api/desktop}, the seat's state changes ({@code POST /api/seat/...}) and {@code GET /api/knowledge}.
 * Stateless apart from its backend; thread-safe; never blocks (it chains on the backend's stages).
 */
final class SeatHandlers {
    private static final int DEFAULT_HITS = 10;
    private static final int MAX_HITS = 100;
    private static final int MAX_QUERY = 500;

    private final DesktopBackend backend;

    SeatHandlers(DesktopBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    CompletionStage<HttpReply> desktop(RouteRequest request) {
        AuthenticatedUser user = request.user().orElseThrow();
        if (!DesktopAccess.mayUseDesktop(user)) {
            return ApiReplies.now(ApiReplies.forbidden("The desktop is for seat agents and supervisors."));
        }
        return ApiReplies.now(HttpReply.json(HttpResponseStatus.OK, desktopBody(backend, user)));
    }

    /** {@code GET /api/desktop}'s body, also the push channel's {@code hello}. */
    static Map<String, Object> desktopBody(DesktopBackend backend, AuthenticatedUser user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", user(user));
        Optional<SeatCard> seat = DesktopAccess.hasSeat(user) ? backend.seat(user.seatId()) : Optional.empty();
        body.put("seat", seat.map(card -> SeatJson.of(card, backend.now())).orElse(null));
        body.put("screenPop", DesktopAccess.hasSeat(user) ? backend.screenPop(user.seatId()).orElse(null) : null);
        return body;
    }

    /** The user as {@code GET /api/me} shows them (the login doubles as the display name here). */
    static Map<String, Object> user(AuthenticatedUser user) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("login", user.name());
        json.put("displayName", user.name());
        json.put("role", role(user));
        json.put("seat", user.seatId());
        json.put("branch", user.branchCode());
        return json;
    }

    private static String role(AuthenticatedUser user) {
        for (String role : List.of(Roles.ADMIN, Roles.SUPERVISOR, Roles.DUTY_MANAGER, Roles.AGENT)) {
            if (user.hasRole(role)) {
                return role;
            }
        }
        return null;
    }

    CompletionStage<HttpReply> seat(RouteRequest request, SeatAction action) {
        AuthenticatedUser user = request.user().orElseThrow();
        if (!DesktopAccess.hasSeat(user)) {
            return ApiReplies.now(ApiReplies.forbidden("Only a seat's agent changes the seat's state here."));
        }
        Optional<JsonNode> body = ApiReplies.object(request.body());
        if (body.isEmpty()) {
            return ApiReplies.now(ApiReplies.badRequest("The body must be a JSON object."));
        }
        String reason = null;
        if (action == SeatAction.NOT_READY) {
            Optional<String> given = DesktopReplies.required(body.get(), "reason");
            if (given.isEmpty()) {
                return ApiReplies.now(ApiReplies.badRequest("Not ready needs a \"reason\"."));
            }
            reason = given.get();
        }
        return backend.seatRequest(user.seatId(), action, reason).handle((verdict, error) -> {
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

    CompletionStage<HttpReply> knowledge(RouteRequest request) {
        AuthenticatedUser user = request.user().orElseThrow();
        if (!DesktopAccess.mayUseDesktop(user)) {
            return ApiReplies.now(ApiReplies.forbidden("The knowledge base is for seats and supervisors."));
        }
        Optional<String> query = request.queryParameter("q").filter(q -> !q.isBlank());
        if (query.isEmpty() || query.get().length() > MAX_QUERY) {
            return ApiReplies.now(ApiReplies.badRequest("Give \"q\", 1 to " + MAX_QUERY + " characters."));
        }
        int limit;
        try {
            limit = request.queryParameter("limit").map(Integer::parseInt).orElse(DEFAULT_HITS);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_HITS) {
            return ApiReplies.now(ApiReplies.badRequest("\"limit\" is a number from 1 to " + MAX_HITS + "."));
        }
        Optional<String> product = request.queryParameter("product").filter(p -> !p.isBlank());
        return backend.searchKnowledge(query.get(), product, limit).handle((hits, error) -> error != null
                ? ApiReplies.busy() : HttpReply.json(HttpResponseStatus.OK, Map.of("hits", hits(hits))));
    }

    /** Knowledge-base hits as docs/api.md writes them (the article's code is its id). */
    static List<Map<String, Object>> hits(List<KnowledgeHit> hits) {
        List<Map<String, Object>> json = new ArrayList<>(hits.size());
        for (KnowledgeHit hit : hits) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", hit.article().code());
            one.put("title", hit.title());
            one.put("snippet", hit.fragments().isEmpty() ? "" : hit.fragments().get(0));
            one.put("product", hit.article().productLine());
            one.put("score", hit.score());
            json.add(one);
        }
        return json;
    }
}
