package io.hotline.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteRequestTest {

    @Test
    void shouldSplitTheUriIntoDecodedPathAndQuery() {
        RouteRequest request = RouteRequest.of(HttpMethod.GET, "/orders%20open?queue=tier%201&queue=tier2&x",
                new DefaultHttpHeaders(), new byte[0]);

        assertThat(request.path()).isEqualTo("/orders open");
        assertThat(request.query().get("queue")).containsExactly("tier 1", "tier2");
        assertThat(request.queryParameter("queue")).contains("tier 1");
        assertThat(request.queryParameter("missing")).isEmpty();
        assertThat(request.user()).isEmpty();
    }

    @Test
    void shouldBeImmutable() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        HttpHeaders headers = new DefaultHttpHeaders().add("X-Test", "1");
        RouteRequest request = RouteRequest.of(HttpMethod.POST, "/x?a=1", headers, body);

        body[0] = 'X';
        request.body()[1] = 'X';
        headers.set("X-Test", "2");

        assertThat(request.bodyText()).isEqualTo("{\"a\":1}");
        assertThat(request.headers().get("x-test")).isEqualTo("1");
        assertThatThrownBy(() -> request.headers().add("X-Other", "1"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.query().put("b", List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldCarryTheAuthenticatedUser() {
        RouteRequest request = RouteRequest.of(HttpMethod.GET, "/x", new DefaultHttpHeaders(), new byte[0])
                .withUser(new AuthenticatedUser("agent-7", Set.of("agent")));

        assertThat(request.user()).get().extracting(AuthenticatedUser::name).isEqualTo("agent-7");
    }
}
