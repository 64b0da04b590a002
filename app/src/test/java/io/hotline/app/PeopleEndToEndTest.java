package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.ops.config.Settings;
import io.hotline.persistence.accounts.PersonAuditEntry;
import io.hotline.persistence.accounts.PersonAuditStore;
import io.hotline.persistence.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A whole Hotline's people side over HTTP: the initial admin from HOTLINE_ADMIN_PASSWORD signs in, adds a
 * supervisor through the admin API (audited), the supervisor is refused the admin API, signs out; every
 * sign-in audited in {@code person_audit}.
 */
class PeopleEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private static Hotline hotline;
    private static URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        hotline = Hotline.start(HotlineConfiguration.from(Settings.of(Map.of(
                "HOTLINE_DB_URL", DB.config().jdbcUrl(),
                "HOTLINE_HTTP_PORT", "0",
                "HOTLINE_AGI_PORT", "0",
                "HOTLINE_ADMIN_PASSWORD", "first-admin-pass",
                "HOTLINE_DATA_DIR", TestDataDirectories.fresh("people")))));
        base = URI.create("http://127.0.0.1:" + hotline.httpAddress().getPort());
    }

    @AfterAll
    static void stop() {
        if (hotline != null) {
            hotline.close();
        }
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String login(String login, String password) throws Exception {
        HttpResponse<String> response = post("/api/login", "{\"login\":\"" + login + "\",\"password\":\""
                + password + "\"}", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("token").asText();
    }

    @Test
    void shouldLetTheInitialAdminManageAccountsAndAuditIt() throws Exception {
        // given the initial admin signed in
        String admin = login("admin", "first-admin-pass");
        assertThat(JSON.readTree(get("/api/me", admin).body()).get("role").asText()).isEqualTo("admin");

        // when the admin adds a supervisor
        HttpResponse<String> added = post("/api/admin/accounts", "{\"login\":\"wang\",\"role\":\"supervisor\","
                + "\"phone\":\"PJSIP/2001\",\"displayName\":\"Wang Fang\",\"password\":\"supervisor-pass\"}", admin);

        // then
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(added.body()).isEqualTo("{\"login\":\"wang\",\"displayName\":\"Wang Fang\",\"role\":"
                + "\"supervisor\",\"seat\":null,\"branch\":null,\"phone\":\"PJSIP/2001\",\"disabled\":false}");
        String wang = login("wang", "supervisor-pass");
        HttpResponse<String> forbidden = get("/api/admin/accounts", wang);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(forbidden.body()).get("error").asText()).isEqualTo("forbidden");
        JsonNode accounts = JSON.readTree(get("/api/admin/accounts", admin).body()).get("accounts");
        assertThat(accounts).hasSize(2);
        assertThat(post("/api/login", "{\"login\":\"wang\",\"password\":\"wrong-pass\"}", null).statusCode())
                .isEqualTo(401);

        // when the admin disables the supervisor, the supervisor's session ends at once
        HttpResponse<String> disabled = post("/api/admin/accounts/disable", "{\"login\":\"wang\"}", admin);
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(get("/api/me", wang).statusCode()).isEqualTo(401);
        assertThat(post("/api/admin/accounts/disable", "{\"login\":\"ghost\"}", admin).statusCode())
                .isEqualTo(404);

        // then person_audit has the sign-ins and the admin's changes, with their outcome
        PersonAuditStore audit = new PersonAuditStore(DB.jdbi());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(audit.latest(20))
                .extracting(entry -> entry.login() + " " + entry.action() + " " + entry.status())
                .contains("admin LOGIN LOGGED_IN", "admin admin_account_add 201", "wang LOGIN LOGGED_IN",
                        "wang LOGIN REFUSED", "admin admin_account_disable 200", "admin admin_account_disable 404"));
        List<PersonAuditEntry> latest = audit.latest(20);
        assertThat(latest).allSatisfy(entry -> assertThat(entry.remoteAddress()).contains("127.0.0.1"));
    }
}
