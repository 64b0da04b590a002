package io.hotline.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.web.HttpServer;
import io.hotline.web.WebConfig;
import io.hotline.web.http.Access;
import io.hotline.web.http.HttpReply;
import io.hotline.web.http.HttpRequestObserver;
import io.hotline.web.http.HttpRoutes;
import io.hotline.web.http.RouteHandler;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sign-in routes over a real HTTP server on loopback, with a fake account service. */
class AuthRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private final FakeAccountService accounts = new FakeAccountService();
    private final List<PersonAuditEvent> audited = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private HttpServer server;
    private URI base;

    @BeforeEach
    void start() {
        HttpRoutes.Builder routes = AuthRoutes.register(HttpRoutes.builder(), accounts, audited::add,
                InstantSource.fixed(NOW));
        routes.post("/api/seats/state", "seat_state", Access.AUTHENTICATED,
                RouteHandler.of(request -> HttpReply.json(HttpResponseStatus.OK, java.util.Map.of("ok", true))));
        server = new HttpServer(WebConfig.of("127.0.0.1", 0), AuditedRoutes.of(routes.build(), audited::add,
                InstantSource.fixed(NOW)), new SessionAuthenticator(accounts), HttpRequestObserver.NO_OP);
        base = URI.create("http://127.0.0.1:" + server.start().getPort());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldSignInWithTokenUserAndSessionCookie() throws Exception {
        // when
        HttpResponse<String> response = post("/api/login", "{\"login\":\"li\",\"password\":\"pw\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("token").asText()).isEqualTo("t1");
        assertThat(body.get("expiresAt").asText()).isEqualTo("2026-12-01T20:00:00Z");
        assertThat(body.get("user").toString()).isEqualTo("{\"login\":\"li\",\"displayName\":\"Name of li\","
                + "\"role\":\"agent\",\"seat\":\"S101\",\"branch\":null}");
        assertThat(response.headers().firstValue("set-cookie")).contains(
                "hotline_session=t1; HttpOnly; SameSite=Strict; Path=/; Max-Age=43200");
        assertThat(response.headers().firstValue("cache-control")).contains("no-store");
        assertThat(accounts.loginAddresses).containsExactly("127.0.0.1");
        await().atMost(Duration.ofSeconds(5)).until(() -> !audited.isEmpty());
        assertThat(audited).containsExactly(new PersonAuditEvent(NOW, "li", "agent", "LOGIN", "/api/login", null,
                "LOGGED_IN", "127.0.0.1"));
    }

    @Test
    void shouldAnswer401ForAWrongPasswordOrUnknownLoginAlike() throws Exception {
        HttpResponse<String> wrong = post("/api/login", "{\"login\":\"li\",\"password\":\"nope\"}");
        HttpResponse<String> unknown = post("/api/login", "{\"login\":\"ghost\",\"password\":\"pw\"}");

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).get("error").asText()).isEqualTo("login_refused");
        assertThat(unknown.body()).isEqualTo(wrong.body());
        assertThat(wrong.headers().firstValue("set-cookie")).isEmpty();
        assertThat(audited).extracting(PersonAuditEvent::status).containsExactly("REFUSED", "REFUSED");
    }

    @Test
    void shouldAnswer429WithRetryAfterWhenThrottledAnd503WhenUnavailable() throws Exception {
        HttpResponse<String> throttled = post("/api/login", "{\"login\":\"crowd\",\"password\":\"pw\"}");
        HttpResponse<String> early = post("/api/login", "{\"login\":\"early\",\"password\":\"pw\"}");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(throttled.body()).get("error").asText()).isEqualTo("too_many_attempts");
        assertThat(throttled.headers().firstValue("retry-after")).contains("61");
        assertThat(early.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(early.body()).get("error").asText()).isEqualTo("starting");
        assertThat(early.headers().firstValue("retry-after")).contains("5");
        assertThat(audited).extracting(PersonAuditEvent::status).containsExactly("THROTTLED", "UNAVAILABLE");
    }

    @Test
    void shouldAnswer400ToAMalformedBody() throws Exception {
        for (String body : List.of("", "not json", "[]", "{\"login\":\"li\"}", "{\"login\":5,\"password\":\"pw\"}",
                "{\"login\":\" \",\"password\":\"pw\"}", "{\"login\":\"li\",\"password\":\"\"}",
                "{\"login\":\"li\",\"password\":\"" + "p".repeat(2000) + "\"}")) {
            HttpResponse<String> response = post("/api/login", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("bad_request");
        }
        assertThat(accounts.loginAddresses).isEmpty();
    }

    @Test
    void shouldAnswerMeWithBearerOrCookieAnd401WithNeither() throws Exception {
        post("/api/login", "{\"login\":\"alice\",\"password\":\"pw\"}");

        HttpResponse<String> bearer = get("/api/me", "Authorization", "Bearer t1");
        HttpResponse<String> cookie = get("/api/me", "Cookie", "hotline_session=t1");
        HttpResponse<String> none = get("/api/me");

        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(bearer.body()).get("role").asText()).isEqualTo("supervisor");
        assertThat(cookie.body()).isEqualTo(bearer.body());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(none.body()).get("error").asText()).isEqualTo("unauthenticated");
        assertThat(none.headers().firstValue("www-authenticate")).contains("Bearer realm=\"hotline\"");
    }

    @Test
    void shouldLogOutClearingTheCookieAndForgettingTheToken() throws Exception {
        post("/api/login", "{\"login\":\"li\",\"password\":\"pw\"}");

        // a cookie alone does not log out: the request header is missing (forged cross-site form)
        assertThat(post("/api/logout", "", "Cookie", "hotline_session=t1").statusCode()).isEqualTo(401);
        HttpResponse<String> out = post("/api/logout", "", "Cookie", "hotline_session=t1",
                "X-Hotline-Request", "1");

        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.headers().firstValue("set-cookie")).contains(
                "hotline_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
        assertThat(accounts.loggedOut).containsExactly("t1");
        assertThat(get("/api/me", "Authorization", "Bearer t1").statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAuditASupervisorsChangesButNotAnAgentsNorReads() throws Exception {
        post("/api/login", "{\"login\":\"alice\",\"password\":\"pw\"}");
        post("/api/login", "{\"login\":\"li\",\"password\":\"pw\"}");
        audited.clear();

        assertThat(post("/api/seats/state", "{}", "Authorization", "Bearer t1").statusCode()).isEqualTo(200);
        assertThat(post("/api/seats/state", "{}", "Authorization", "Bearer t2").statusCode()).isEqualTo(200);
        get("/api/me", "Authorization", "Bearer t1");

        assertThat(audited).containsExactly(new PersonAuditEvent(NOW, "alice", "supervisor", "seat_state",
                "/api/seats/state", null, "200", "127.0.0.1"));
    }
}
