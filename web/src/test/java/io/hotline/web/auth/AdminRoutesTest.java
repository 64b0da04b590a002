package io.hotline.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.web.HttpServer;
import io.hotline.web.WebConfig;
import io.hotline.web.http.AuthenticatedUser;
import io.hotline.web.http.HttpRequestObserver;
import io.hotline.web.http.HttpRoutes;
import io.hotline.web.http.Roles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin's account routes over a real HTTP server: admins only, bodies checked, results answered. */
class AdminRoutesTest {
    private final FakeAccountService accounts = new FakeAccountService();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private HttpServer server;
    private URI base;

    private final AccountAdmin admin = new AccountAdmin() {
        @Override
        public CompletionStage<List<AccountView>> list() {
            calls.add("list");
            return CompletableFuture.completedFuture(List.of(new AccountView("li", "Li Wei", "agent", "S101", null,
                    null, false)));
        }

        @Override
        public CompletionStage<Result> add(AccountForm form) {
            calls.add("add " + form);
            return CompletableFuture.completedFuture("taken".equals(form.login())
                    ? new Result.Refused("login 'taken' is taken")
                    : new Result.Done(new AccountView(form.login(), form.login(), form.role(), form.seat(), null,
                    null, false)));
        }

        @Override
        public CompletionStage<Result> changePassword(String login, String password) {
            calls.add("password " + login);
            return CompletableFuture.completedFuture(new Result.NotFound());
        }

        @Override
        public CompletionStage<Result> disable(String login) {
            calls.add("disable " + login);
            return CompletableFuture.completedFuture(new Result.Done(new AccountView(login, login, "agent", null,
                    null, null, true)));
        }
    };

    @BeforeEach
    void start() {
        accounts.sessions.put("admin-token", new AuthenticatedUser("root",
                Set.of(Roles.ADMIN)));
        accounts.sessions.put("supervisor-token", FakeAccountService.ALICE);
        server = new HttpServer(WebConfig.of("127.0.0.1", 0), AdminRoutes.register(HttpRoutes.builder(), admin)
                .build(), new SessionAuthenticator(accounts), HttpRequestObserver.NO_OP);
        base = URI.create("http://127.0.0.1:" + server.start().getPort());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldForbidEveryRouteToAnyoneButAnAdmin() throws Exception {
        for (String path : List.of("/api/admin/accounts", "/api/admin/accounts/password",
                "/api/admin/accounts/disable")) {
            HttpResponse<String> response = send(path.endsWith("accounts") ? "GET" : "POST", path, "{}",
                    "supervisor-token");
            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(response.body()).contains("\"error\":\"forbidden\"");
        }
        assertThat(send("GET", "/api/admin/accounts", null, "nobody").statusCode()).isEqualTo(401);
        assertThat(calls).isEmpty();
    }

    @Test
    void shouldListAddChangeAndDisableForAnAdmin() throws Exception {
        HttpResponse<String> list = send("GET", "/api/admin/accounts", null, "admin-token");
        HttpResponse<String> added = send("POST", "/api/admin/accounts",
                "{\"login\":\"wu\",\"role\":\"agent\",\"seat\":\"S102\",\"password\":\"long-password\"}",
                "admin-token");
        HttpResponse<String> taken = send("POST", "/api/admin/accounts",
                "{\"login\":\"taken\",\"role\":\"agent\",\"password\":\"long-password\"}", "admin-token");
        HttpResponse<String> unknown = send("POST", "/api/admin/accounts/password",
                "{\"login\":\"ghost\",\"password\":\"long-password\"}", "admin-token");
        HttpResponse<String> disabled = send("POST", "/api/admin/accounts/disable", "{\"login\":\"li\"}",
                "admin-token");

        assertThat(list.body()).isEqualTo("{\"accounts\":[{\"login\":\"li\",\"displayName\":\"Li Wei\",\"role\":"
                + "\"agent\",\"seat\":\"S101\",\"branch\":null,\"phone\":null,\"disabled\":false}]}");
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(added.body()).contains("\"login\":\"wu\"", "\"seat\":\"S102\"").doesNotContain("password");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("\"error\":\"refused\"", "login 'taken' is taken");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(disabled.body()).contains("\"disabled\":true");
        assertThat(calls).containsExactly("list", "add AccountForm[login=wu, role=agent]",
                "add AccountForm[login=taken, role=agent]", "password ghost", "disable li");
    }

    @Test
    void shouldAnswer400ToABodyWithoutWhatTheRouteNeeds() throws Exception {
        assertThat(send("POST", "/api/admin/accounts", "{\"login\":\"wu\"}", "admin-token").statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/api/admin/accounts/password", "{\"login\":\"wu\"}", "admin-token").statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/api/admin/accounts/disable", "not json", "admin-token").statusCode())
                .isEqualTo(400);
        assertThat(calls).isEmpty();
    }
}
