package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The people's API of a Hotline under test, over loopback HTTP with bearer tokens: what the end-to-end tests of the
 * desktop, the supervisors and the authorization matrix sign in and send with. Thread-safe.
 */
final class PeopleApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PeopleApi() {
    }

    /** Signs in as {@code login} on the Hotline at {@code base}, asserting it succeeds; the session token. */
    static String token(URI base, String login, String password) throws Exception {
        HttpResponse<String> response = send(base, "POST", "/api/login", "{\"login\":\"" + login
                + "\",\"password\":\"" + password + "\"}", null);
        assertThat(response.statusCode()).as(login + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("token").asText();
    }

    /** Sends {@code method path} with an optional JSON body and bearer token; the answer, whatever its status. */
    static HttpResponse<String> send(URI base, String method, String path, String body, String token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The base URI of {@code hotline}'s HTTP server. */
    static URI base(Hotline hotline) {
        return URI.create("http://127.0.0.1:" + hotline.httpAddress().getPort());
    }
}
