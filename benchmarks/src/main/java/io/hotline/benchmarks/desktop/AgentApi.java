package io.hotline.benchmarks.desktop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The people API as the benchmark uses it ({@code docs/api.md}): sign in, add an agent bound to a seat (admin),
 * and the seat's state changes, over HTTP/1.1 on loopback with {@code Authorization: Bearer}. Thread-safe.
 */
final class AgentApi {
    /** An answer: its status and body. */
    record Answer(int status, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    AgentApi(URI base) {
        this.base = base;
    }

    /** Signs in; the session token. */
    String login(String login, String password) {
        Answer answer = post(null, "/api/login", "{\"login\":" + quote(login) + ",\"password\":" + quote(password)
                + "}");
        if (answer.status() != 200) {
            throw new IllegalStateException("login of " + login + " refused: " + answer);
        }
        try {
            return JSON.readTree(answer.body()).path("token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds an agent bound to {@code seat} (201), or finds it already there (409); any other answer fails. */
    void addAgent(String adminToken, String login, String seat, String password) {
        Answer answer = post(adminToken, "/api/admin/accounts", "{\"login\":" + quote(login)
                + ",\"role\":\"agent\",\"seat\":" + quote(seat) + ",\"displayName\":" + quote("Bench " + seat)
                + ",\"password\":" + quote(password) + "}");
        if (answer.status() != 201 && answer.status() != 409) {
            throw new IllegalStateException("adding " + login + " failed: " + answer);
        }
    }

    /** {@code POST /api/seat/<action>} ({@code login}, {@code ready}, {@code logout}); the answer. */
    Answer seat(String token, String action) {
        return post(token, "/api/seat/" + action, "{}");
    }

    /** The seat's state in a seat action's answer, or the answer itself when it carries none. */
    static String state(Answer answer) {
        try {
            JsonNode json = JSON.readTree(answer.body());
            return json.path("seat").path("state").asText(answer.toString());
        } catch (IOException e) {
            return answer.toString();
        }
    }

    private Answer post(String token, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during POST " + path, e);
        }
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
