package io.hotline.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.web.http.RouteRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionAuthenticatorTest {
    private final FakeAccountService accounts = new FakeAccountService();
    private final SessionAuthenticator authenticator = new SessionAuthenticator(accounts);

    @BeforeEach
    void sessions() {
        accounts.sessions.put("good", FakeAccountService.LI);
    }

    private static RouteRequest request(HttpMethod method, String... headers) {
        HttpHeaders all = new DefaultHttpHeaders();
        for (int i = 0; i < headers.length; i += 2) {
            all.add(headers[i], headers[i + 1]);
        }
        return RouteRequest.of(method, "/api/me", all, new byte[0]);
    }

    @Test
    void shouldAcceptALiveBearerTokenForAnyMethod() {
        assertThat(authenticator.authenticate(request(HttpMethod.GET, "Authorization", "Bearer good")))
                .contains(FakeAccountService.LI);
        assertThat(authenticator.authenticate(request(HttpMethod.POST, "authorization", "bearer good")))
                .contains(FakeAccountService.LI);
    }

    @Test
    void shouldRefuseAnUnknownTokenAnotherSchemeAndNoToken() {
        assertThat(authenticator.authenticate(request(HttpMethod.GET, "Authorization", "Bearer other"))).isEmpty();
        assertThat(authenticator.authenticate(request(HttpMethod.GET, "Authorization", "Basic Z29vZA=="))).isEmpty();
        assertThat(authenticator.authenticate(request(HttpMethod.GET, "Authorization", "Bearer "))).isEmpty();
        assertThat(authenticator.authenticate(request(HttpMethod.GET, "Authorization",
                "Bearer " + "x".repeat(500)))).isEmpty();
        assertThat(authenticator.authenticate(request(HttpMethod.GET))).isEmpty();
    }

    @Test
    void shouldAcceptTheCookieOnReadsAndOnChangesOnlyWithTheRequestHeader() {
        String cookie = "theme=dark; hotline_session=good";

        assertThat(authenticator.authenticate(request(HttpMethod.GET, "Cookie", cookie)))
                .contains(FakeAccountService.LI);
        assertThat(authenticator.authenticate(request(HttpMethod.POST, "Cookie", cookie))).isEmpty();
        assertThat(authenticator.authenticate(request(HttpMethod.DELETE, "Cookie", cookie,
                "X-Hotline-Request", "yes"))).isEmpty();
        assertThat(authenticator.authenticate(request(HttpMethod.POST, "Cookie", cookie,
                "X-Hotline-Request", "1"))).contains(FakeAccountService.LI);
        assertThat(authenticator.authenticate(request(HttpMethod.PUT, "Cookie", cookie,
                "X-Hotline-Request", "1"))).contains(FakeAccountService.LI);
    }

    @Test
    void shouldRefuseATokenTheServiceNoLongerKnows() {
        // given a session that was revoked (or expired): the service forgets it
        accounts.sessions.remove("good");

        assertThat(authenticator.authenticate(request(HttpMethod.GET, "Cookie", "hotline_session=good"))).isEmpty();
        assertThat(authenticator.authenticate(request(HttpMethod.GET, "Authorization", "Bearer good"))).isEmpty();
    }
}
