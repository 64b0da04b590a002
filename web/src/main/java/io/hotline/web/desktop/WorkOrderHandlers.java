package io.hotline.web.desktop;

import io.hotline.web.http.ApiReplies;
import com.fasterxml.jackson.databind.JsonNode;
import io.hotline.routing.desk.Actor;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import io.hotline.web.http.AuthenticatedUser;
import io.hotline.web.http.HttpReply;
import io.hotline.web.http.RouteRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /api/work-orders/{id}} and the work order's actions: who may is checked first (403), then the body
 * (400); the action goes to the backend and the answer is the work order after it (200), the engine's refusal
 * (409), or 404 when the work order is not open. Stateless apart from its backend; thread-safe; never blocks.
 */
final class WorkOrderHandlers {
    /** The longest number a callback dials: E.164's 15 digits with room for a trunk prefix. */
    private static final int MAX_NUMBER = 32;

    /** Builds the action from a valid body, or says what is wrong with it. */
    @FunctionalInterface
    interface ActionReader {
        Read read(long workOrderId, Actor actor, JsonNode body);
    }

    /** The action read from a body, or what is wrong with the body. */
    record Read(WorkOrderAction action, String problem) {
        static Read of(WorkOrderAction action) {
            return new Read(action, null);
        }

        static Read bad(String problem) {
            return new Read(null, problem);
        }
    }

    private final DesktopBackend backend;

    WorkOrderHandlers(DesktopBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    CompletionStage<HttpReply> show(RouteRequest request) {
        Checked checked = check(request);
        if (checked.refusal() != null) {
            return ApiReplies.now(checked.refusal());
        }
        return ApiReplies.now(HttpReply.json(HttpResponseStatus.OK,
                WorkOrderJson.of(checked.workOrder(), backend.now(), true)));
    }

    CompletionStage<HttpReply> act(RouteRequest request, ActionReader reader) {
        Checked checked = check(request);
        if (checked.refusal() != null) {
            return ApiReplies.now(checked.refusal());
        }
        Optional<JsonNode> body = ApiReplies.object(request.body());
        if (body.isEmpty()) {
            return ApiReplies.now(ApiReplies.badRequest("The body must be a JSON object."));
        }
        Read read = reader.read(checked.workOrder().id(), DesktopAccess.actor(request.user().orElseThrow()),
                body.get());
        if (read.action() == null) {
            return ApiReplies.now(ApiReplies.badRequest(read.problem()));
        }
        return backend.act(read.action()).handle((outcome, error) -> {
            if (error != null) {
                return ApiReplies.busy();
            }
            switch (outcome.result()) {
                case CHANGED:
                    return HttpReply.json(HttpResponseStatus.OK,
                            WorkOrderJson.of(outcome.workOrder(), backend.now(), true));
                case REFUSED:
                    return ApiReplies.refused(outcome.reason());
                default:
                    return ApiReplies.notFound("No open work order " + checked.workOrder().id() + ".");
            }
        });
    }

    /** The work order the request may act on, or the reply refusing it. */
    private record Checked(WorkOrderView workOrder, HttpReply refusal) {
    }

    private Checked check(RouteRequest request) {
        AuthenticatedUser user = request.user().orElseThrow();
        if (!DesktopAccess.mayUseDesktop(user)) {
            return new Checked(null, ApiReplies.forbidden("Work orders are for seats and supervisors."));
        }
        OptionalLong id = DesktopRoutes.workOrderId(request);
        Optional<WorkOrderView> view = id.isPresent() ? backend.workOrder(id.getAsLong()) : Optional.empty();
        if (view.isEmpty()) {
            return new Checked(null, ApiReplies.notFound("There is no open work order at this path."));
        }
        Optional<SeatCard> seat = DesktopAccess.hasSeat(user) ? backend.seat(user.seatId()) : Optional.empty();
        if (!DesktopAccess.mayActOn(user, view.get(), seat)) {
            return new Checked(null, ApiReplies.forbidden("Work order " + view.get().id()
                    + " is neither offered to nor owned by your seat."));
        }
        return new Checked(view.get(), null);
    }

    static Read update(long id, Actor actor, JsonNode body) {
        for (String field : List.of("category", "productLine", "severity", "summary", "notes", "reason")) {
            if (!ApiReplies.isText(body, field)) {
                return Read.bad("\"" + field + "\" must be a string.");
            }
        }
        Severity severity = null;
        Optional<String> given = DesktopReplies.text(body, "severity");
        if (given.isPresent()) {
            try {
                severity = Severity.valueOf(given.get());
            } catch (IllegalArgumentException e) {
                return Read.bad("\"severity\" is one of P1, P2, P3.");
            }
            if (DesktopReplies.required(body, "reason").isEmpty()) {
                return Read.bad("A severity change needs a \"reason\".");
            }
        }
        return Read.of(new WorkOrderAction.Update(id, actor, DesktopReplies.text(body, "category").orElse(null),
                DesktopReplies.text(body, "productLine").orElse(null), severity,
                DesktopReplies.text(body, "summary").orElse(null), DesktopReplies.text(body, "notes").orElse(null),
                DesktopReplies.text(body, "reason").orElse(null)));
    }

    static Read escalate(long id, Actor actor, JsonNode body) {
        Tier to;
        try {
            to = Tier.valueOf(DesktopReplies.text(body, "to").orElse(""));
        } catch (IllegalArgumentException e) {
            return Read.bad("\"to\" is one of TIER2, EXPERT, REMOTE, ON_SITE.");
        }
        Optional<String> reason = DesktopReplies.required(body, "reason");
        Optional<String> site = DesktopReplies.required(body, "site");
        if (to == Tier.TIER1 || reason.isEmpty() || site.isPresent() != (to == Tier.ON_SITE)) {
            return Read.bad(to == Tier.TIER1 ? "\"to\" is one of TIER2, EXPERT, REMOTE, ON_SITE."
                    : reason.isEmpty() ? "An escalation needs a \"reason\"."
                    : "\"site\" is given for ON_SITE, and only for it.");
        }
        return Read.of(new WorkOrderAction.Escalate(id, actor, to, reason.get(), site.orElse(null)));
    }

    static Read transfer(long id, Actor actor, JsonNode body) {
        Optional<String> queue = DesktopReplies.required(body, "queue");
        Optional<String> reason = DesktopReplies.required(body, "reason");
        if (queue.isEmpty() || reason.isEmpty()) {
            return Read.bad("A transfer needs a \"queue\" and a \"reason\".");
        }
        return Read.of(new WorkOrderAction.Transfer(id, actor, queue.get(), reason.get()));
    }

    static Read resolve(long id, Actor actor, JsonNode body) {
        Optional<String> resolution = DesktopReplies.required(body, "resolution");
        JsonNode article = body.get("article");
        boolean hasArticle = article != null && !article.isNull();
        if (resolution.isEmpty() || hasArticle && (!article.isObject()
                || DesktopReplies.required(article, "title").isEmpty())) {
            return Read.bad(resolution.isEmpty() ? "Resolving needs a \"resolution\"."
                    : "\"article\" is an object with a \"title\".");
        }
        return Read.of(new WorkOrderAction.Resolve(id, actor, resolution.get(),
                hasArticle ? DesktopReplies.text(article, "title").orElseThrow() : null,
                hasArticle ? DesktopReplies.text(article, "symptoms").orElse("") : null));
    }

    static Read waiting(long id, Actor actor, JsonNode body) {
        Optional<String> reason = DesktopReplies.required(body, "reason");
        if (reason.isEmpty()) {
            return Read.bad("Waiting on the customer needs a \"reason\".");
        }
        return Read.of(new WorkOrderAction.Waiting(id, actor, reason.get()));
    }

    static Read resume(long id, Actor actor, JsonNode body) {
        return Read.of(new WorkOrderAction.Resume(id, actor, DesktopReplies.text(body, "reason")
                .orElse("resumed")));
    }

    static Read reassign(long id, Actor actor, JsonNode body) {
        Optional<String> seat = DesktopReplies.required(body, "seat");
        Optional<String> reason = DesktopReplies.required(body, "reason");
        if (seat.isEmpty() || reason.isEmpty()) {
            return Read.bad("Reassigning needs the new \"seat\" and a \"reason\".");
        }
        return Read.of(new WorkOrderAction.Reassign(id, actor, seat.get(), reason.get()));
    }

    static Read callback(long id, Actor actor, JsonNode body) {
        Optional<String> number = DesktopReplies.required(body, "number");
        if (number.isEmpty() || number.get().length() > MAX_NUMBER || !number.get().matches("\\+?[0-9]+")) {
            return Read.bad("\"number\" is the number to call back: digits, an optional leading +.");
        }
        if (!ApiReplies.isText(body, "note")) {
            return Read.bad("\"note\" must be a string.");
        }
        Instant at;
        try {
            at = Instant.parse(DesktopReplies.required(body, "at").orElse(""));
        } catch (DateTimeParseException e) {
            return Read.bad("\"at\" is when to call back, ISO-8601 UTC (2026-12-07T14:00:00Z).");
        }
        return Read.of(new WorkOrderAction.ScheduleCallback(id, actor, at, number.get(),
                DesktopReplies.required(body, "note").orElse(null)));
    }
}
