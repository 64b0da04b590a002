package io.hotline.app;

import static io.hotline.app.AuthorizationMatrixTest.Principal.ADMIN;
import static io.hotline.app.AuthorizationMatrixTest.Principal.AGENT_A;
import static io.hotline.app.AuthorizationMatrixTest.Principal.AGENT_B;
import static io.hotline.app.AuthorizationMatrixTest.Principal.DUTY_MANAGER;
import static io.hotline.app.AuthorizationMatrixTest.Principal.SUPERVISOR;
import static io.hotline.app.AuthorizationMatrixTest.Principal.WALLBOARD_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.ops.config.Settings;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.web.desktop.SeatCard;
import io.hotline.web.http.Access;
import io.hotline.web.http.HttpRoute;
import io.hotline.web.push.PushClient;
import io.hotline.web.push.PushClients;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of an assembled Hotline's route table, asked by every kind of caller, answers with the status class
 * its row below allows: the public routes to everyone; a protected route 401 to a request without a live session
 * (none, expired, revoked by logout, of a disabled account), 403 to a role or person it is not for, and neither to
 * those it is for. Agent A (seat S1) reaches for a work order owned by seat S2 and is refused; agent B, its owner,
 * is not.
 *
 * <p>The table is the test's subject: a route added to Hotline without a row here fails the test, naming it, and a
 * row whose route is gone fails too. A principal the row forbids sends a valid body (so that only the
 * authorization stands between it and the change); one the row allows sends {@code {}} (changing nothing, most
 * routes answer 400). The expired session is a real one: signed in during a first run, its expiry moved a few
 * seconds ahead in {@code account_session} while Hotline was down, loaded by the second run and refused there once
 * the time has passed.
 */
class AuthorizationMatrixTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();

    /** Who asks. The first five have no live session; the wall screens' token is no session either. */
    enum Principal {
        NO_TOKEN, EXPIRED, REVOKED, DISABLED, WALLBOARD_TOKEN, AGENT_A, AGENT_B, SUPERVISOR, DUTY_MANAGER, ADMIN;

        boolean signedIn() {
            return ordinal() >= AGENT_A.ordinal();
        }
    }

    private static final Set<Principal> SIGNED_IN = EnumSet.of(AGENT_A, AGENT_B, SUPERVISOR, DUTY_MANAGER, ADMIN);
    private static final Set<Principal> DESK = EnumSet.of(AGENT_A, AGENT_B, SUPERVISOR, ADMIN);
    private static final Set<Principal> AGENTS = EnumSet.of(AGENT_A, AGENT_B);
    /** The work order of the {@code {id}} paths is owned by seat S2: agent B's, not agent A's. */
    private static final Set<Principal> S2_WORK_ORDER = EnumSet.of(AGENT_B, SUPERVISOR, ADMIN);
    private static final Set<Principal> SUPERVISORS = EnumSet.of(SUPERVISOR, ADMIN);
    private static final Set<Principal> CONSOLE = EnumSet.of(SUPERVISOR, DUTY_MANAGER, ADMIN);
    /** The wallboard: supervisors, admins and the wall screens' read-only token, and only it. */
    private static final Set<Principal> WALLBOARD = EnumSet.of(SUPERVISOR, ADMIN, WALLBOARD_TOKEN);
    private static final String WALL_TOKEN = "matrix-wall-screen-token-0123456789";

    /** One row per route: who may, and the body a principal it forbids sends. {@code allowed} null: public. */
    private record Row(String route, Set<Principal> allowed, String validBody) {
        boolean isPublic() {
            return allowed == null;
        }

        /** A machine's route that checks a signature (the SMS webhook): every person without it gets 401. */
        boolean isSigned() {
            return allowed != null && allowed.isEmpty() && validBody == null;
        }
    }

    private static final List<Row> MATRIX = List.of(
            publicRoute("GET /"),
            publicRoute("GET /health"),
            publicRoute("GET /health/ready"),
            publicRoute("GET /health/live"),
            publicRoute("GET /metrics"),
            publicRoute("POST /api/login"),
            row("POST /api/logout", SIGNED_IN, ""),
            row("GET /api/me", SIGNED_IN, null),
            row("GET /api/admin/accounts", EnumSet.of(ADMIN), null),
            row("POST /api/admin/accounts", EnumSet.of(ADMIN),
                    "{\"login\":\"intruder\",\"role\":\"admin\",\"password\":\"intruder-pass-1\"}"),
            row("POST /api/admin/accounts/password", EnumSet.of(ADMIN),
                    "{\"login\":\"admin\",\"password\":\"taken-over-1\"}"),
            row("POST /api/admin/accounts/disable", EnumSet.of(ADMIN), "{\"login\":\"admin\"}"),
            row("GET /api/desktop", DESK, null),
            row("POST /api/seat/login", AGENTS, ""),
            row("POST /api/seat/logout", AGENTS, ""),
            row("POST /api/seat/ready", AGENTS, ""),
            row("POST /api/seat/not-ready", AGENTS, "{\"reason\":\"lunch\"}"),
            row("POST /api/seat/wrap-up-done", AGENTS, ""),
            row("GET /api/knowledge", DESK, null),
            row("GET /api/work-orders/{id}", S2_WORK_ORDER, null),
            row("POST /api/work-orders/{id}", S2_WORK_ORDER, "{\"notes\":\"not yours\"}"),
            row("POST /api/work-orders/{id}/escalate", S2_WORK_ORDER, "{\"to\":\"TIER2\",\"reason\":\"not yours\"}"),
            row("POST /api/work-orders/{id}/transfer", S2_WORK_ORDER,
                    "{\"queue\":\"support\",\"reason\":\"not yours\"}"),
            row("POST /api/work-orders/{id}/resolve", S2_WORK_ORDER, "{\"resolution\":\"not yours\"}"),
            row("POST /api/work-orders/{id}/waiting", S2_WORK_ORDER, "{\"reason\":\"not yours\"}"),
            row("POST /api/work-orders/{id}/resume", S2_WORK_ORDER, "{\"reason\":\"not yours\"}"),
            row("POST /api/work-orders/{id}/callback", S2_WORK_ORDER,
                    "{\"at\":\"2030-01-07T06:00:00Z\",\"number\":\"+4930123499\",\"note\":\"not yours\"}"),
            row("GET /api/supervisor/seats", SUPERVISORS, null),
            row("GET /api/supervisor/work-orders", SUPERVISORS, null),
            row("POST /api/seats/{seat}/state", SUPERVISORS, "{\"state\":\"LOGGED_OUT\",\"reason\":\"not yours\"}"),
            row("POST /api/work-orders/{id}/reassign", SUPERVISORS, "{\"seat\":\"{seatA}\",\"reason\":\"mine\"}"),
            row("POST /api/supervisor/monitor", SUPERVISORS, "{\"seat\":\"{seat}\",\"mode\":\"listen\"}"),
            row("GET /api/callbacks", SUPERVISORS, null),
            row("GET /api/reports/service-quality", SUPERVISORS, null),
            row("GET /api/console", CONSOLE, null),
            row("GET /api/dispatch/{id}", CONSOLE, null),
            row("POST /api/dispatch/{id}/acknowledge", CONSOLE, ""),
            row("POST /api/dispatch/{id}/assign", CONSOLE, "{\"engineer\":\"E01\"}"),
            row("POST /api/dispatch/{id}/appointment", CONSOLE, "{\"at\":\"2026-12-07T09:30:00Z\"}"),
            row("POST /api/dispatch/{id}/follow-up", CONSOLE, "{\"unreachable\":true}"),
            row("POST /api/dispatch/{id}/follow-up/call", CONSOLE, ""),
            publicRoute("GET /wallboard"),
            row("GET /api/wallboard", WALLBOARD, null),
            row("POST /api/dispatch/{id}/place", SUPERVISORS, "{\"branch\":\"B01\",\"reason\":\"not yours\"}"),
            // Signed by the gateway, not by a person: a session is no signature.
            new Row("POST /sms/inbound", EnumSet.noneOf(Principal.class), null),
            new Row("POST /sms/status", EnumSet.noneOf(Principal.class), null));

    @TempDir
    Path directory;
    private final Map<Principal, String> tokens = new EnumMap<>(Principal.class);
    private final Map<Principal, String> logins = new EnumMap<>(Principal.class);
    private URI base;
    private String seatA;
    private String seatB;
    private long workOrderOfB;

    private static Row publicRoute(String route) {
        return new Row(route, null, null);
    }

    private static Row row(String route, Set<Principal> allowed, String validBody) {
        return new Row(route, allowed, validBody);
    }

    @Test
    void shouldAnswerEveryRouteForEveryPrincipalAsTheMatrixSays() throws Exception {
        // given the accounts, and a session signed in by a first run whose expiry falls during the second
        Map<String, String> settings = settings();
        String expiring = firstRun(settings);
        try (Hotline hotline = Hotline.start(HotlineConfiguration.from(Settings.of(settings)))) {
            base = URI.create("http://127.0.0.1:" + hotline.httpAddress().getPort());
            await().atMost(PATIENCE).until(() -> hotline.desktop().ready());
            assertThat(send("GET", "/api/me", null, expiring).statusCode()).as("the session before it expires")
                    .isEqualTo(200);
            signIn(expiring);
            workOrderOfB = workOrderOwnedBySeatB(hotline);
            await().atMost(PATIENCE).until(() -> send("GET", "/api/me", null, expiring).statusCode() == 401);

            // when every route is asked by every principal
            List<HttpRoute> routes = hotline.routes().routes();
            List<String> failures = new ArrayList<>(tableFailures(routes));
            for (HttpRoute route : routes) {
                Row row = rowOf(route);
                if (row != null) {
                    failures.addAll(ask(route, row));
                }
            }

            failures.addAll(pushChannel());

            // then each answered as its row says
            assertThat(failures).as("authorization matrix (%d routes x %d principals):%n%s", routes.size(),
                    Principal.values().length, table(routes)).isEmpty();
        }
    }

    /** Routes without a row, rows without a route, and access flags against rows. */
    private static List<String> tableFailures(List<HttpRoute> routes) {
        List<String> failures = new ArrayList<>();
        Set<String> served = routes.stream().map(AuthorizationMatrixTest::key).collect(Collectors.toSet());
        for (HttpRoute route : routes) {
            Row row = rowOf(route);
            if (row == null) {
                failures.add(key(route) + " (" + route.name() + ", " + route.access() + "): no row in "
                        + "AuthorizationMatrixTest.MATRIX; add one saying who may call it");
            } else if (row.isSigned() != (route.access() == Access.SIGNED)) {
                failures.add(key(route) + ": the route is " + route.access() + " but its row says "
                        + (row.isSigned() ? "signed" : "not signed"));
            } else if (row.isPublic() != (route.access() == Access.PUBLIC)) {
                failures.add(key(route) + ": the route is " + route.access() + " but its row says "
                        + (row.isPublic() ? "public" : "protected"));
            }
        }
        for (Row row : MATRIX) {
            if (!row.route().startsWith("GET /static/") && !served.contains(row.route())) {
                failures.add(row.route() + ": a row without a route; remove it");
            }
        }
        return failures;
    }

    private static Row rowOf(HttpRoute route) {
        String key = key(route);
        if (route.access() == Access.PUBLIC && route.method().name().equals("GET")
                && route.path().startsWith("/static/")) {
            // The page's assets are files: each its own route, all public, as the page at / is.
            return publicRoute(key);
        }
        return MATRIX.stream().filter(row -> row.route().equals(key)).findFirst().orElse(null);
    }

    private static String key(HttpRoute route) {
        return route.method().name() + " " + route.path();
    }

    /** Asks the route as every principal; returns what did not answer as the row says. */
    private List<String> ask(HttpRoute route, Row row) throws Exception {
        List<String> failures = new ArrayList<>();
        for (Principal principal : Principal.values()) {
            String expected = expected(row, principal);
            boolean allowed = !expected.equals("401") && !expected.equals("403");
            String token = tokens.get(principal);
            if (allowed && principal.signedIn() && route.path().equals("/api/logout")) {
                // Logging out ends the session: spend a fresh one of the same person.
                token = login(logins.get(principal), password(principal));
            }
            String path = fill(route.path());
            String body = route.method().name().equals("GET") ? null
                    : allowed ? "{}" : fill(row.validBody() == null ? "{}" : row.validBody());
            HttpResponse<String> response = send(route.method().name(), path, body, token);
            int status = response.statusCode();
            boolean ok = switch (expected) {
                case "401", "403" -> status == Integer.parseInt(expected);
                default -> status != 401 && status != 403 && status < 500;
            };
            if (!ok) {
                failures.add(String.format("%s as %s: expected %s, got %d %s", key(route), principal, expected,
                        status, abbreviate(response.body())));
            }
        }
        return failures;
    }

    /**
     * The push channel at {@code /ws} is not in the route table (the HTTP server upgrades to it): its handshake
     * answers 401 without a live session and opens for everyone signed in (what it pushes is per seat and role),
     * and for the wall screens' token (which hears the topic {@code wallboard} only).
     */
    private List<String> pushChannel() throws Exception {
        List<String> failures = new ArrayList<>();
        URI ws = URI.create("ws://127.0.0.1:" + base.getPort() + "/ws");
        try (PushClients clients = new PushClients(1)) {
            for (Principal principal : Principal.values()) {
                int status;
                try {
                    PushClient client = clients.connectWithBearer(ws, tokens.get(principal), message -> { })
                            .get(5, TimeUnit.SECONDS);
                    status = 101;
                    client.close();
                } catch (ExecutionException e) {
                    status = e.getCause() instanceof PushClient.Refused refused ? refused.status() : -1;
                }
                int expected = principal.signedIn() || principal == WALLBOARD_TOKEN ? 101 : 401;
                if (status != expected) {
                    failures.add("GET /ws (push) as " + principal + ": expected " + expected + ", got " + status);
                }
            }
        }
        return failures;
    }

    private static String expected(Row row, Principal principal) {
        if (row.isSigned()) {
            return "401";
        }
        if (row.isPublic()) {
            return "not 401/403";
        }
        if (row.allowed().contains(principal)) {
            return "not 401/403";
        }
        return principal.signedIn() ? "403" : "401";
    }

    /** The matrix as people read it: one line per route, who may call it. */
    private static String table(List<HttpRoute> routes) {
        StringBuilder table = new StringBuilder();
        for (HttpRoute route : routes) {
            Row row = rowOf(route);
            String who = row == null ? "?? (no row)" : row.isPublic() ? "public"
                    : row.allowed().stream().map(Enum::name).collect(Collectors.joining(", "));
            table.append(String.format("  %-45s %s%n", key(route), who));
        }
        return table.append(String.format("  %-45s %s, %s%n", "GET /ws (push)", SIGNED_IN, WALLBOARD_TOKEN))
                .toString();
    }

    private String fill(String text) {
        return text.replace("{id}", Long.toString(workOrderOfB)).replace("{seatA}", seatA)
                .replace("{seat}", seatB);
    }

    private static String abbreviate(String body) {
        return body.length() <= 160 ? body : body.substring(0, 160) + "...";
    }

    /**
     * The first run: the admin adds every account, the person whose session will expire signs in; after the run,
     * that session's expiry is moved to a few seconds after the second run's start (it is loaded as live).
     */
    private String firstRun(Map<String, String> settings) throws Exception {
        String expiring;
        try (Hotline hotline = Hotline.start(HotlineConfiguration.from(Settings.of(settings)))) {
            base = URI.create("http://127.0.0.1:" + hotline.httpAddress().getPort());
            List<String> seats = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT code FROM seat WHERE"
                    + " tier = 'TIER1' AND active ORDER BY id LIMIT 2").mapTo(String.class).list());
            seatA = seats.get(0);
            seatB = seats.get(1);
            String branch = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT code FROM branch ORDER BY id"
                    + " LIMIT 1").mapTo(String.class).one());
            String admin = login("admin", "first-admin-pass");
            add(admin, "agent.a", "{\"role\":\"agent\",\"seat\":\"" + seatA + "\"");
            add(admin, "agent.b", "{\"role\":\"agent\",\"seat\":\"" + seatB + "\"");
            add(admin, "super", "{\"role\":\"supervisor\"");
            add(admin, "duty", "{\"role\":\"duty-manager\",\"branch\":\"" + branch + "\"");
            add(admin, "revoked", "{\"role\":\"supervisor\"");
            add(admin, "disabled", "{\"role\":\"supervisor\"");
            add(admin, "expiring", "{\"role\":\"supervisor\"");
            expiring = login("expiring", "expiring-pass-1");
        }
        DB.jdbi().useHandle(handle -> handle.createUpdate("UPDATE account_session SET expires_at ="
                + " DATE_ADD(UTC_TIMESTAMP(3), INTERVAL 15 SECOND) WHERE account_id = (SELECT id FROM account"
                + " WHERE login = 'expiring')").execute());
        return expiring;
    }

    private void add(String admin, String login, String fields) throws Exception {
        HttpResponse<String> added = send("POST", "/api/admin/accounts", fields + ",\"login\":\"" + login
                + "\",\"password\":\"" + login + "-pass-1\"}", admin);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    }

    /** Signs every principal in; revokes one session by logout and disables one account. */
    private void signIn(String expiring) throws Exception {
        logins.putAll(Map.of(AGENT_A, "agent.a", AGENT_B, "agent.b", SUPERVISOR, "super", DUTY_MANAGER, "duty",
                ADMIN, "admin"));
        for (Map.Entry<Principal, String> person : logins.entrySet()) {
            tokens.put(person.getKey(), login(person.getValue(), password(person.getKey())));
        }
        tokens.put(Principal.EXPIRED, expiring);
        tokens.put(Principal.WALLBOARD_TOKEN, WALL_TOKEN);
        String revoked = login("revoked", "revoked-pass-1");
        assertThat(send("POST", "/api/logout", "", revoked).statusCode()).isEqualTo(204);
        tokens.put(Principal.REVOKED, revoked);
        String disabled = login("disabled", "disabled-pass-1");
        assertThat(send("POST", "/api/admin/accounts/disable", "{\"login\":\"disabled\"}", tokens.get(ADMIN))
                .statusCode()).isEqualTo(200);
        tokens.put(Principal.DISABLED, disabled);
    }

    private String password(Principal principal) {
        return principal == ADMIN ? "first-admin-pass" : logins.get(principal) + "-pass-1";
    }

    /** Agent B logs seat S2 in and takes a call through FastAGI: its work order is S2's. */
    private long workOrderOwnedBySeatB(Hotline hotline) throws Exception {
        HttpResponse<String> login = send("POST", "/api/seat/login", "", tokens.get(AGENT_B));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String call = "1796000001.1";
        List<String> routed = AgiDialogue.session(hotline, "agi_network_script: route?dnis=4008001234\n"
                + "agi_channel: PJSIP/carrier-00000001\nagi_uniqueid: " + call + "\nagi_callerid: +4930123499\n\n",
                call);
        assertThat(routed).contains("SET VARIABLE HOTLINE_SEAT " + seatB);
        AgiDialogue.session(hotline, "agi_network_script: answered?call=" + call + "&seat=" + seatB
                + "\nagi_channel: PJSIP/seat-b-00000002\n\n", call);
        await().atMost(PATIENCE).until(() -> hotline.desktop().seat(seatB).map(SeatCard::call)
                .map(SeatCard.SeatCall::connected).orElse(false));
        long id = await().atMost(PATIENCE).until(() -> DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT id FROM work_order WHERE call_linkedid = :call").bind("call", call).mapTo(Long.class)
                .findOne().orElse(0L)), found -> found > 0);
        await().atMost(PATIENCE).until(() -> hotline.desktop().workOrder(id)
                .map(view -> seatB.equals(view.ownerSeatId())).orElse(false));
        return id;
    }

    private String login(String login, String password) throws Exception {
        return PeopleApi.token(base, login, password);
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return PeopleApi.send(base, method, path, body, token);
    }

    private Map<String, String> settings() throws Exception {
        Path routing = Files.writeString(directory.resolve("routing.properties"), "hours.zone = UTC\nwrap-up = 0s\n");
        Map<String, String> values = new LinkedHashMap<>(Map.of(
                "HOTLINE_ROUTING_FILE", routing.toString(),
                "HOTLINE_DB_URL", DB.config().jdbcUrl(),
                "HOTLINE_HTTP_PORT", "0",
                "HOTLINE_AGI_PORT", "0",
                "HOTLINE_HEALTH_INTERVAL", "200ms",
                "HOTLINE_ASTERISK_NAME", "pbx-matrix",
                "HOTLINE_ADMIN_PASSWORD", "first-admin-pass",
                "HOTLINE_SMS_WEBHOOK_SECRET", "matrix-webhook-secret",
                "HOTLINE_WALLBOARD_TOKEN", WALL_TOKEN,
                "HOTLINE_DATA_DIR", TestDataDirectories.fresh("authorization-matrix")));
        return values;
    }
}
