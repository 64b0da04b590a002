package io.hotline.web.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hotline.web.http.Access;
import io.hotline.web.http.HttpReply;
import io.hotline.web.http.HttpRoutes;
import io.hotline.web.http.RouteHandler;
import io.hotline.web.http.RouteRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A fake of the people API (docs/api.md) for the page's tests: the shapes of the contract, one agent
 * ({@code li.wei}, seat S101), one supervisor ({@code wang.fang}), one work order (42) and one screen-pop the test
 * offers with {@link #offerCall()}. Sessions are the {@code hotline_session} cookie, and a POST counts as
 * authenticated only with {@code X-Hotline-Request: 1}, as in the contract. Every API request is recorded.
 *
 * <p>Thread-safe: routes run on the server's event loops, the test reads from its own thread; the mutable state
 * is guarded by this object's monitor and the records are a concurrent list.
 */
final class FakePeopleApi {

    /** The one password every account of the fake accepts. */
    static final String PASSWORD = "correct horse";
    /** A login the fake always throttles. */
    static final String THROTTLED_LOGIN = "locked.out";
    /** The screen-pop's customer. */
    static final String CUSTOMER_NAME = "上海明远机械有限公司";
    /** The one work order. */
    static final int WORK_ORDER_ID = 42;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COOKIE = "hotline_session";

    /** One API request as the fake received it. */
    record Recorded(String method, String path, String query, String body, String requestHeader) {

        /** The body as JSON. */
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    private final List<Recorded> recorded = new CopyOnWriteArrayList<>();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private ObjectNode seat;
    private ObjectNode workOrder;
    private boolean offered;

    FakePeopleApi() {
        reset();
    }

    /** Back to a logged-out seat, no call, no session and no records. */
    synchronized void reset() {
        recorded.clear();
        sessions.clear();
        offered = false;
        seat = object("{\"seat\":\"S101\",\"name\":\"Li Wei\",\"tier\":\"TIER1\",\"state\":\"LOGGED_OUT\","
                + "\"reason\":null,\"deviceState\":\"NOT_IN_USE\",\"call\":null}");
        seat.put("since", Instant.now().minusSeconds(65).toString());
        workOrder = object("{\"id\":42,\"origin\":\"CALL\",\"callId\":\"1733562902.17\",\"state\":\"NEW\","
                + "\"tier\":\"TIER1\",\"severity\":\"P3\",\"owner\":\"S101\",\"customer\":{\"id\":7,\"name\":\""
                + CUSTOMER_NAME + "\",\"contractLevel\":\"PREMIUM\",\"vip\":true},\"productLine\":\"finance\","
                + "\"category\":null,\"summary\":null,\"notes\":null,\"resolution\":null,\"site\":null,"
                + "\"contacts\":1,\"reopens\":0,\"trail\":[]}");
        Instant now = Instant.now();
        workOrder.put("openedAt", now.toString());
        ObjectNode clocks = workOrder.putObject("clocks");
        // P3 answers in 8 h: 10 min left is past 75 % of it (amber); 40 h of 48 h to resolve is not.
        clock(clocks.putObject("response"), now.plus(Duration.ofMinutes(10)));
        clock(clocks.putObject("resolution"), now.plus(Duration.ofHours(40)));
    }

    /** The phone of S101 rings: GET /api/desktop answers the screen-pop from now on. */
    synchronized void offerCall() {
        offered = true;
        seat.put("state", "RESERVED");
    }

    /** The offer is withdrawn, as Hotline forgets a withdrawn pop: GET /api/desktop answers none from now on. */
    synchronized void withdrawOffer() {
        offered = false;
    }

    /** Every session ends, as after a restart or a revocation. */
    void revokeSessions() {
        sessions.clear();
    }

    /** The requests received for {@code method} on {@code path}, oldest first. */
    List<Recorded> requests(String method, String path) {
        return recorded.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    /** The routes of the fake, added to {@code routes}. */
    HttpRoutes.Builder addTo(HttpRoutes.Builder routes) {
        routes.post("/api/login", "api_login", Access.PUBLIC, RouteHandler.of(this::login));
        routes.post("/api/logout", "api_logout", Access.PUBLIC, authenticated(r -> noContent()));
        routes.get("/api/me", "api_me", Access.PUBLIC, authenticated(r -> ok(user(r))));
        routes.get("/api/desktop", "api_desktop", Access.PUBLIC, authenticated(this::desktop));
        seatRoute(routes, "login", "READY", null);
        seatRoute(routes, "ready", "READY", null);
        seatRoute(routes, "logout", "LOGGED_OUT", null);
        seatRoute(routes, "wrap-up-done", "READY", null);
        seatRoute(routes, "not-ready", "NOT_READY", "reason");
        String workOrderPath = "/api/work-orders/" + WORK_ORDER_ID;
        routes.get(workOrderPath, "api_work_order", Access.PUBLIC, authenticated(r -> ok(workOrder())));
        routes.post(workOrderPath, "api_work_order_update", Access.PUBLIC, authenticated(this::update));
        routes.post(workOrderPath + "/escalate", "api_escalate", Access.PUBLIC, authenticated(this::escalate));
        for (String action : List.of("waiting", "resume", "resolve", "reassign")) {
            routes.post(workOrderPath + "/" + action, "api_" + action, Access.PUBLIC,
                    authenticated(r -> ok(workOrder())));
        }
        routes.get("/api/knowledge", "api_knowledge", Access.PUBLIC, authenticated(r -> ok(object(
                "{\"hits\":[{\"id\":\"KB-0012\",\"title\":\"月结时凭证无法过账\",\"snippet\":\"月结时凭证无法<mark>过账</mark>："
                + "先检查会计期间\",\"product\":\"finance\",\"score\":3.2},{\"id\":\"KB-0013\",\"title\":\"<b>bold?</b>\","
                + "\"snippet\":\"<img src=x id=injected> <mark>过账</mark> & more\",\"product\":\"finance\","
                + "\"score\":1.1}]}"))));
        routes.get("/api/supervisor/seats", "api_sup_seats", Access.PUBLIC, authenticated(this::supervisorSeats));
        routes.get("/api/supervisor/work-orders", "api_sup_work_orders", Access.PUBLIC,
                authenticated(r -> ok(JSON.createObjectNode().set("workOrders",
                        JSON.createArrayNode().add(workOrder())))));
        routes.post("/api/supervisor/monitor", "api_sup_monitor", Access.PUBLIC,
                authenticated(r -> noContent()));
        routes.post("/api/seats/S101/state", "api_sup_seat_state", Access.PUBLIC, authenticated(r -> ok(seat())));
        return routes;
    }

    private HttpReply login(RouteRequest request) {
        record(request);
        JsonNode body = parse(request.bodyText());
        String login = body.path("login").asText();
        if (THROTTLED_LOGIN.equals(login)) {
            return HttpReply.error(HttpResponseStatus.TOO_MANY_REQUESTS, "too_many_attempts",
                    "Too many attempts.").withHeader("Retry-After", "120");
        }
        if (!PASSWORD.equals(body.path("password").asText()) || !Set.of("li.wei", "wang.fang").contains(login)) {
            return HttpReply.error(HttpResponseStatus.UNAUTHORIZED, "login_refused", "Login refused.");
        }
        String token = "token-" + login + "-" + System.nanoTime();
        sessions.add(token);
        ObjectNode answer = JSON.createObjectNode().put("token", token)
                .put("expiresAt", Instant.now().plus(Duration.ofHours(12)).toString());
        answer.set("user", userOf(login));
        return ok(answer).withHeader("Set-Cookie", COOKIE + "=" + token
                + "; HttpOnly; SameSite=Strict; Path=/; Max-Age=43200");
    }

    private synchronized HttpReply desktop(RouteRequest request) {
        ObjectNode body = JSON.createObjectNode();
        // Hotline's desktop names the user by their login (GET /api/me and the login answer have the display name)
        ObjectNode user = user(request);
        body.set("user", user.put("displayName", user.path("login").asText()));
        body.set("seat", seat.deepCopy());
        body.set("screenPop", offered ? screenPop() : null);
        return ok(body);
    }

    private void seatRoute(HttpRoutes.Builder routes, String action, String state, String reasonField) {
        routes.post("/api/seat/" + action, "api_seat_" + action.replace('-', '_'), Access.PUBLIC,
                authenticated(request -> {
                    synchronized (this) {
                        seat.put("state", state);
                        seat.put("since", Instant.now().toString());
                        seat.put("reason", reasonField == null ? null
                                : parse(request.bodyText()).path(reasonField).asText());
                        ObjectNode answer = JSON.createObjectNode().put("accepted", true);
                        answer.set("seat", seat.deepCopy());
                        return ok(answer);
                    }
                }));
    }

    private synchronized HttpReply update(RouteRequest request) {
        JsonNode body = parse(request.bodyText());
        for (String field : List.of("category", "productLine", "severity", "summary", "notes")) {
            if (body.has(field)) {
                workOrder.put(field, body.get(field).asText());
            }
        }
        workOrder.put("state", "IN_PROGRESS");
        return ok(workOrder.deepCopy());
    }

    private synchronized HttpReply escalate(RouteRequest request) {
        JsonNode body = parse(request.bodyText());
        ArrayNode trail = (ArrayNode) workOrder.get("trail");
        // as Hotline writes a step: with the tier it leaves the work order in, beyond docs/api.md
        trail.addObject().put("seq", trail.size() + 1).put("at", Instant.now().toString()).put("actor", "S101")
                .put("action", "ESCALATED").put("from", workOrder.path("state").asText()).put("to", "NEW")
                .put("tier", body.path("to").asText()).put("reason", body.path("reason").asText());
        workOrder.put("tier", body.path("to").asText());
        workOrder.put("state", "NEW");
        workOrder.put("owner", (String) null);
        return ok(workOrder.deepCopy());
    }

    private synchronized HttpReply supervisorSeats(RouteRequest request) {
        ObjectNode busy = seat.deepCopy();
        busy.put("state", "ON_CALL").put("deviceState", "IN_USE");
        busy.putObject("call").put("callId", "1733562902.17").put("workOrderId", WORK_ORDER_ID)
                .put("phase", "answered").put("since", Instant.now().minusSeconds(75).toString()).put("seconds", 75);
        ArrayNode seats = JSON.createArrayNode().add(busy);
        seats.add(object("{\"seat\":\"S102\",\"name\":\"Zhao Min\",\"tier\":\"TIER2\",\"state\":\"READY\","
                + "\"reason\":null,\"since\":\"" + Instant.now().minusSeconds(300) + "\",\"deviceState\":"
                + "\"NOT_IN_USE\",\"call\":null}"));
        return ok(JSON.createObjectNode().set("seats", seats));
    }

    private synchronized ObjectNode seat() {
        return seat.deepCopy();
    }

    private synchronized ObjectNode workOrder() {
        return workOrder.deepCopy();
    }

    private ObjectNode screenPop() {
        ObjectNode pop = object("{\"phase\":\"offered\",\"callId\":\"1733562902.17\",\"queue\":\"support\","
                + "\"tier\":\"TIER1\",\"caller\":{\"number\":\"02161234567\"},\"customer\":{\"id\":7,"
                + "\"code\":\"C0007\",\"name\":\"" + CUSTOMER_NAME + "\",\"contractLevel\":\"PREMIUM\",\"vip\":true,"
                + "\"region\":\"east\",\"site\":\"上海市浦东新区张江路 88 号\"},\"products\":[{\"product\":\"finance\","
                + "\"name\":\"U8 finance\",\"version\":\"9.2\",\"modules\":[\"ledger\",\"payables\"]}],"
                + "\"openWorkOrders\":[{\"id\":40,"
                + "\"state\":\"IN_PROGRESS\",\"tier\":\"TIER2\",\"severity\":\"P2\",\"summary\":\"打印报表乱码\","
                + "\"openedAt\":\"2026-12-01T08:00:00Z\"}],\"lastContacts\":[{\"at\":\"2026-12-01T08:00:00Z\","
                + "\"outcome\":\"ANSWERED\",\"seat\":\"S104\",\"workOrderId\":31,\"talkSeconds\":312}],"
                + "\"suggestedArticles\":[{\"id\":\"KB-0012\",\"title\":\"月结时凭证无法过账\","
                + "\"snippet\":\"检查<mark>会计期间</mark>\",\"product\":\"finance\"}]}");
        pop.put("offeredAt", Instant.now().minusSeconds(3).toString());
        pop.set("workOrder", workOrder.deepCopy());
        return pop;
    }

    private RouteHandler authenticated(Function<RouteRequest, HttpReply> handler) {
        return RouteHandler.of(request -> {
            record(request);
            Optional<String> token = sessionToken(request);
            boolean post = HttpMethod.POST.equals(request.method());
            if (token.isEmpty() || (post && !"1".equals(request.headers().get("X-Hotline-Request")))) {
                return HttpReply.error(HttpResponseStatus.UNAUTHORIZED, "unauthenticated", "Sign in first.")
                        .withHeader("WWW-Authenticate", "Bearer realm=\"hotline\"");
            }
            return handler.apply(request);
        });
    }

    private Optional<String> sessionToken(RouteRequest request) {
        String cookies = request.headers().get("Cookie");
        if (cookies == null) {
            return Optional.empty();
        }
        for (String cookie : cookies.split(";")) {
            String[] pair = cookie.trim().split("=", 2);
            if (pair.length == 2 && COOKIE.equals(pair[0]) && sessions.contains(pair[1])) {
                return Optional.of(pair[1]);
            }
        }
        return Optional.empty();
    }

    private ObjectNode user(RouteRequest request) {
        String token = sessionToken(request).orElseThrow();
        return userOf(token.startsWith("token-wang.fang") ? "wang.fang" : "li.wei");
    }

    private static ObjectNode userOf(String login) {
        return "wang.fang".equals(login)
                ? object("{\"login\":\"wang.fang\",\"displayName\":\"Wang Fang\",\"role\":\"supervisor\","
                        + "\"seat\":null,\"branch\":null}")
                : object("{\"login\":\"li.wei\",\"displayName\":\"Li Wei\",\"role\":\"agent\",\"seat\":\"S101\","
                        + "\"branch\":null}");
    }

    private void record(RouteRequest request) {
        String query = request.query().isEmpty() ? "" : request.query().toString();
        recorded.add(new Recorded(request.method().name(), request.path(), query, request.bodyText(),
                request.headers().get("X-Hotline-Request")));
    }

    private static void clock(ObjectNode clock, Instant dueAt) {
        clock.put("state", "RUNNING").put("dueAt", dueAt.toString())
                .put("remainingSeconds", Duration.between(Instant.now(), dueAt).toSeconds()).put("breached", false);
    }

    private static HttpReply ok(JsonNode body) {
        return HttpReply.json(HttpResponseStatus.OK, body);
    }

    private static HttpReply noContent() {
        return HttpReply.of(HttpResponseStatus.NO_CONTENT, HttpReply.JSON, "");
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text.isEmpty() ? "{}" : text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body is not JSON", e);
        }
    }

    private static ObjectNode object(String json) {
        return (ObjectNode) parse(json);
    }
}
