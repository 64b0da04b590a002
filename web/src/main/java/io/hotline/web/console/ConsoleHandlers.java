package io.hotline.web.console;

import io.hotline.web.http.ApiReplies;
import com.fasterxml.jackson.databind.JsonNode;
import io.hotline.routing.desk.Actor;
import io.hotline.routing.field.Branch;
import io.hotline.routing.field.Engineer;
import io.hotline.routing.field.FieldDirectory;
import io.hotline.routing.field.FieldEvent;
import io.hotline.routing.field.StoredDispatch;
import io.hotline.web.http.AuthenticatedUser;
import io.hotline.web.http.HttpReply;
import io.hotline.web.http.RouteRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * The console's handlers: who may is checked first (403; an unknown order is 404), then the body (400); an action
 * goes to the backend and the answer is the order after it (200), the desk's refusal (409), or 503 when Hotline
 * cannot take it now. Stateless apart from its backend; thread-safe; never blocks.
 */
final class ConsoleHandlers {
    /** A dispatch order's number: a work order's id, a positive decimal without leading zero that fits a long. */
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    /** The longest comment or reason kept. */
    private static final int MAX_TEXT = 2000;

    /** Builds the field event from a valid body, or says what is wrong with it. */
    @FunctionalInterface
    interface EventReader {
        Read read(long workOrderId, Actor actor, JsonNode body);
    }

    /** The event read from a body, or what is wrong with the body. */
    record Read(FieldEvent event, String problem) {
        static Read of(FieldEvent event) {
            return new Read(event, null);
        }

        static Read bad(String problem) {
            return new Read(null, problem);
        }
    }

    private final ConsoleBackend backend;

    ConsoleHandlers(ConsoleBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    /** {@code GET /api/console[?branch=CODE]}. */
    CompletionStage<HttpReply> console(RouteRequest request) {
        AuthenticatedUser user = request.user().orElseThrow();
        if (!ConsoleAccess.mayUseConsole(user)) {
            return ApiReplies.now(forbidden());
        }
        Optional<String> asked = request.queryParameter("branch").filter(code -> !code.isBlank());
        String code = asked.orElse(ConsoleAccess.seesEveryBranch(user) ? null : user.branchCode());
        if (code != null && !ConsoleAccess.maySeeBranch(user, code)) {
            return ApiReplies.now(ApiReplies.forbidden("Branch " + code + " is not yours."));
        }
        FieldDirectory directory = backend.directory();
        Branch branch = code == null ? null : branch(directory, code);
        if (code != null && branch == null) {
            return ApiReplies.now(ApiReplies.notFound("There is no branch " + code + "."));
        }
        Instant now = backend.now();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("branch", branch == null ? null : DispatchJson.branch(branch));
        List<Map<String, Object>> branches = new ArrayList<>();
        for (Branch each : directory.branches()) {
            if (ConsoleAccess.maySeeBranch(user, each.code())) {
                branches.add(DispatchJson.branch(each));
            }
        }
        json.put("branches", branches);
        List<Map<String, Object>> engineers = new ArrayList<>();
        for (Engineer engineer : directory.engineers()) {
            if (code == null || engineer.branchCode().equals(code)) {
                engineers.add(DispatchJson.engineer(engineer));
            }
        }
        json.put("engineers", engineers);
        List<StoredDispatch> orders = new ArrayList<>(code == null ? backend.openOrders() : backend.orders(code));
        orders.sort(Comparator.comparingLong(StoredDispatch::workOrderId));
        List<Map<String, Object>> ordersJson = new ArrayList<>(orders.size());
        orders.forEach(order -> ordersJson.add(DispatchJson.of(order, now, directory)));
        json.put("orders", ordersJson);
        json.put("now", DispatchJson.text(now));
        return ApiReplies.now(HttpReply.json(HttpResponseStatus.OK, json));
    }

    /** {@code GET /api/dispatch/{id}}: the order, its trail and its SMS. */
    CompletionStage<HttpReply> show(RouteRequest request) {
        Checked checked = check(request);
        if (checked.refusal() != null) {
            return ApiReplies.now(checked.refusal());
        }
        long id = checked.dispatch().workOrderId();
        CompletableFuture<HttpReply> reply = backend.trail(id).thenCombine(backend.sms(id), (trail, sms) ->
                HttpReply.json(HttpResponseStatus.OK, DispatchJson.detail(checked.dispatch(), backend.now(),
                        backend.directory(), trail, sms)));
        return reply.exceptionally(error -> ApiReplies.busy());
    }

    /** An action on the order: its body read by {@code reader}, the event offered to the desk. */
    CompletionStage<HttpReply> act(RouteRequest request, EventReader reader) {
        Checked checked = check(request);
        if (checked.refusal() != null) {
            return ApiReplies.now(checked.refusal());
        }
        Optional<JsonNode> body = ApiReplies.object(request.body());
        if (body.isEmpty()) {
            return ApiReplies.now(ApiReplies.badRequest("The body must be a JSON object."));
        }
        Read read = reader.read(checked.dispatch().workOrderId(), ConsoleAccess.actor(request.user().orElseThrow()),
                body.get());
        if (read.event() == null) {
            return ApiReplies.now(ApiReplies.badRequest(read.problem()));
        }
        return answer(backend.act(read.event()));
    }

    /** {@code POST /api/dispatch/{id}/place}: headquarters only. */
    CompletionStage<HttpReply> place(RouteRequest request) {
        if (!ConsoleAccess.mayPlace(request.user().orElseThrow())) {
            return ApiReplies.now(ApiReplies.forbidden("Only headquarters (supervisors and admins) place "
                    + "a dispatch order by hand."));
        }
        return act(request, ConsoleHandlers::place);
    }

    /** {@code POST /api/dispatch/{id}/follow-up/call}: rings the caller's phone, then the customer. */
    CompletionStage<HttpReply> call(RouteRequest request) {
        Checked checked = check(request);
        if (checked.refusal() != null) {
            return ApiReplies.now(checked.refusal());
        }
        return answer(backend.callFollowUp(checked.dispatch().workOrderId(), request.user().orElseThrow().name()));
    }

    private CompletionStage<HttpReply> answer(CompletableFuture<ConsoleBackend.Outcome> outcome) {
        return outcome.handle((done, error) -> {
            if (error != null) {
                return ApiReplies.busy();
            }
            if (done.isRefused()) {
                return ApiReplies.refused(done.refusal());
            }
            return HttpReply.json(HttpResponseStatus.OK, DispatchJson.of(done.dispatch(), backend.now(),
                    backend.directory()));
        });
    }

    /** The order the request may act on, or the reply refusing it. */
    private record Checked(StoredDispatch dispatch, HttpReply refusal) {
    }

    private Checked check(RouteRequest request) {
        AuthenticatedUser user = request.user().orElseThrow();
        if (!ConsoleAccess.mayUseConsole(user)) {
            return new Checked(null, forbidden());
        }
        String id = request.pathParameter("id").orElse("");
        Optional<StoredDispatch> dispatch = ID.matcher(id).matches() ? backend.order(Long.parseLong(id))
                : Optional.empty();
        if (dispatch.isEmpty()) {
            return new Checked(null, ApiReplies.notFound("There is no dispatch order " + id + "."));
        }
        if (!ConsoleAccess.mayActOn(user, dispatch.get())) {
            return new Checked(null, ApiReplies.forbidden("Dispatch order " + id
                    + " is not held by your branch."));
        }
        return new Checked(dispatch.get(), null);
    }

    private static HttpReply forbidden() {
        return ApiReplies.forbidden("The console is for duty managers, supervisors and admins.");
    }

    private static Branch branch(FieldDirectory directory, String code) {
        for (Branch branch : directory.branches()) {
            if (branch.code().equals(code)) {
                return branch;
            }
        }
        return null;
    }

    static Read acknowledge(long id, Actor actor, JsonNode body) {
        return Read.of(new FieldEvent.Acknowledged(id, actor));
    }

    static Read assign(long id, Actor actor, JsonNode body) {
        Optional<String> engineer = ConsoleReplies.text(body, "engineer");
        if (engineer.isEmpty() || !ApiReplies.isText(body, "reason")) {
            return Read.bad("Assigning needs the \"engineer\"'s code, and a \"reason\" (text) to reassign.");
        }
        Optional<String> reason = ConsoleReplies.text(body, "reason");
        if (reason.isPresent() && reason.get().length() > MAX_TEXT) {
            return Read.bad("\"reason\" is at most " + MAX_TEXT + " characters.");
        }
        return Read.of(new FieldEvent.EngineerAssigned(id, actor, engineer.get(), reason.orElse(null)));
    }

    static Read appointment(long id, Actor actor, JsonNode body) {
        try {
            Instant at = Instant.parse(ConsoleReplies.text(body, "at").orElse(""));
            return Read.of(new FieldEvent.AppointmentBooked(id, actor, at));
        } catch (DateTimeParseException e) {
            return Read.bad("\"at\" is the time agreed with the customer, ISO-8601 UTC (2026-12-07T09:30:00Z).");
        }
    }

    static Read followUp(long id, Actor actor, JsonNode body) {
        JsonNode unreachable = body.get("unreachable");
        JsonNode satisfaction = body.get("satisfaction");
        boolean isUnreachable = unreachable != null && unreachable.isBoolean() && unreachable.asBoolean();
        if (unreachable != null && !unreachable.isNull() && !unreachable.isBoolean()
                || !ApiReplies.isText(body, "comment")) {
            return Read.bad("\"unreachable\" is true or false and \"comment\" is text.");
        }
        Optional<String> comment = ConsoleReplies.text(body, "comment");
        if (comment.isPresent() && comment.get().length() > MAX_TEXT) {
            return Read.bad("\"comment\" is at most " + MAX_TEXT + " characters.");
        }
        if (isUnreachable) {
            if (!ApiReplies.absent(body, "satisfaction")) {
                return Read.bad("An unreachable customer gives no \"satisfaction\".");
            }
            return Read.of(new FieldEvent.FollowUpRecorded(id, actor, null, comment.orElse(null), true));
        }
        if (satisfaction == null || !satisfaction.isInt() || satisfaction.asInt() < 1 || satisfaction.asInt() > 5) {
            return Read.bad("The follow-up needs \"satisfaction\" 1 to 5 (and a \"comment\"), or "
                    + "\"unreachable\": true.");
        }
        return Read.of(new FieldEvent.FollowUpRecorded(id, actor, satisfaction.asInt(), comment.orElse(null),
                false));
    }

    static Read place(long id, Actor actor, JsonNode body) {
        Optional<String> branch = ConsoleReplies.text(body, "branch");
        Optional<String> reason = ConsoleReplies.text(body, "reason");
        if (branch.isEmpty() || reason.isEmpty()) {
            return Read.bad("Placing needs the \"branch\"'s code and a \"reason\".");
        }
        return Read.of(new FieldEvent.PlacedByHand(id, actor, branch.get(), reason.get()));
    }
}
