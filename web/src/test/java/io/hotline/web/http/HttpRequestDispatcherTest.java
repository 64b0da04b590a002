package io.hotline.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpRequestDispatcherTest {

    private final CompletableFuture<HttpReply> slowReply = new CompletableFuture<>();
    private final RecordingObserver observer = new RecordingObserver();
    private final InFlightRequests inFlight = new InFlightRequests();
    private final HttpRoutes routes = HttpRoutes.builder()
            .get("/hello", "hello", Access.PUBLIC, RouteHandler.of(request -> HttpReply.of(HttpResponseStatus.OK,
                    "text/plain; charset=utf-8", "hello " + request.queryParameter("name").orElse("world"))))
            .get("/slow", "slow", Access.PUBLIC, request -> slowReply)
            .get("/private", "private", Access.AUTHENTICATED, RouteHandler.of(request -> HttpReply.of(
                    HttpResponseStatus.OK, "text/plain; charset=utf-8", "hi " + request.user().orElseThrow().name())))
            .get("/orders/{id}/lines/{line}", "order_line", Access.AUTHENTICATED, RouteHandler.of(request ->
                    HttpReply.of(HttpResponseStatus.OK, "text/plain; charset=utf-8", request.user().orElseThrow().name()
                            + " " + request.pathParameter("id").orElse("?") + "/"
                            + request.pathParameter("line").orElse("?"))))
            .get("/signed", "signed", Access.SIGNED, RouteHandler.of(request -> HttpReply.of(HttpResponseStatus.OK,
                    "text/plain; charset=utf-8", "user " + request.user().map(AuthenticatedUser::name).orElse("none")
                            + ", key " + request.headers().get("X-Key"))))
            .get("/broken", "broken", Access.PUBLIC, request -> {
                throw new IllegalStateException("secret internals");
            })
            .build();
    private final EmbeddedChannel channel =
            new EmbeddedChannel(new HttpRequestDispatcher(routes, new FakeAuthenticator(), observer, inFlight));

    @AfterEach
    void finishChannel() {
        assertFalse(channel.finish());
    }

    @Test
    void shouldAnswerARouteAndKeepTheConnectionOpen() {
        channel.writeInbound(get("/hello?name=Ada"));

        FullHttpResponse response = channel.readOutbound();
        try {
            assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
            assertThat(body(response)).isEqualTo("hello Ada");
            assertThat(response.headers().getInt(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo(9);
            assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("text/plain; charset=utf-8");
        } finally {
            response.release();
        }
        assertThat(channel.isOpen()).isTrue();
        assertThat(observer.observed()).containsExactly("hello 200");
        assertThat(inFlight.count()).isZero();
    }

    @Test
    void shouldHandATemplateRouteItsDecodedPathParametersAfterAuthentication() {
        FullHttpRequest refused = get("/orders/WO%2042/lines/3");
        FullHttpRequest accepted = get("/orders/WO%2042/lines/3");
        accepted.headers().set(HttpHeaderNames.AUTHORIZATION, FakeAuthenticator.GOOD_TOKEN);
        FullHttpRequest wrongMethod = request(HttpMethod.POST, "/orders/1/lines/2");

        channel.writeInbound(refused);
        channel.writeInbound(accepted);
        channel.writeInbound(wrongMethod);

        FullHttpResponse first = channel.readOutbound();
        FullHttpResponse second = channel.readOutbound();
        FullHttpResponse third = channel.readOutbound();
        try {
            assertThat(first.status()).isEqualTo(HttpResponseStatus.UNAUTHORIZED);
            assertThat(second.status()).isEqualTo(HttpResponseStatus.OK);
            assertThat(body(second)).isEqualTo("agent-7 WO 42/3");
            assertThat(third.status()).isEqualTo(HttpResponseStatus.METHOD_NOT_ALLOWED);
            assertThat(third.headers().get(HttpHeaderNames.ALLOW)).isEqualTo("GET, HEAD");
        } finally {
            first.release();
            second.release();
            third.release();
        }
        assertThat(observer.observed()).containsExactly("order_line 401", "order_line 200", "method_not_allowed 405");
    }

    @Test
    void shouldAnswerHeadWithTheLengthButNoBody() {
        channel.writeInbound(request(HttpMethod.HEAD, "/hello"));

        FullHttpResponse response = channel.readOutbound();
        try {
            assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
            assertThat(response.content().readableBytes()).isZero();
            assertThat(response.headers().getInt(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo("hello world".length());
        } finally {
            response.release();
        }
    }

    @Test
    void shouldAnswerInOrderWhileAnEarlierReplyIsPending() {
        channel.writeInbound(get("/slow"));
        channel.writeInbound(get("/hello"));

        Object nothingYet = channel.readOutbound();
        assertThat(nothingYet).isNull();
        assertThat(channel.config().isAutoRead()).isFalse();

        slowReply.complete(HttpReply.of(HttpResponseStatus.OK, "text/plain; charset=utf-8", "finally"));

        FullHttpResponse first = channel.readOutbound();
        FullHttpResponse second = channel.readOutbound();
        try {
            assertThat(body(first)).isEqualTo("finally");
            assertThat(body(second)).isEqualTo("hello world");
        } finally {
            first.release();
            second.release();
        }
        assertThat(channel.config().isAutoRead()).isTrue();
        assertThat(observer.observed()).containsExactly("slow 200", "hello 200");
    }

    @Test
    void shouldCloseAfterAnsweringAClientThatAskedToClose() {
        FullHttpRequest request = get("/hello");
        request.headers().set(HttpHeaderNames.CONNECTION, "close");

        channel.writeInbound(request);

        FullHttpResponse response = channel.readOutbound();
        try {
            assertThat(response.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
        } finally {
            response.release();
        }
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void shouldAnswerAnUndecodableRequestWith400AndClose() {
        FullHttpRequest bad = new DefaultFullHttpRequest(HttpVersion.HTTP_1_0, HttpMethod.GET, "/bad-request");
        bad.setDecoderResult(DecoderResult.failure(new IllegalArgumentException("invalid version format: NOT")));

        channel.writeInbound(bad);

        FullHttpResponse response = channel.readOutbound();
        try {
            assertThat(response.status()).isEqualTo(HttpResponseStatus.BAD_REQUEST);
            assertThat(body(response)).isEqualTo("{\"error\":\"bad_request\",\"message\":\"The request is not valid "
                    + "HTTP.\"}");
        } finally {
            response.release();
        }
        assertThat(channel.isOpen()).isFalse();
        assertThat(observer.observed()).containsExactly("bad_request 400");
    }

    @Test
    void shouldRefuseAProtectedRouteWithout401AndPassTheUserThroughWithCredentials() {
        channel.writeInbound(get("/private"));
        FullHttpRequest authorized = get("/private");
        authorized.headers().set(HttpHeaderNames.AUTHORIZATION, FakeAuthenticator.GOOD_TOKEN);
        channel.writeInbound(authorized);

        FullHttpResponse refused = channel.readOutbound();
        FullHttpResponse accepted = channel.readOutbound();
        try {
            assertThat(refused.status()).isEqualTo(HttpResponseStatus.UNAUTHORIZED);
            assertThat(refused.headers().get(HttpHeaderNames.WWW_AUTHENTICATE)).isEqualTo("Bearer realm=\"hotline\"");
            assertThat(accepted.status()).isEqualTo(HttpResponseStatus.OK);
            assertThat(body(accepted)).isEqualTo("hi agent-7");
        } finally {
            refused.release();
            accepted.release();
        }
    }

    @Test
    void shouldPassASignedRouteToItsHandlerWithoutAskingTheAuthenticator() {
        // given a request with a session the authenticator would accept, and one without
        FullHttpRequest withSession = get("/signed");
        withSession.headers().set(HttpHeaderNames.AUTHORIZATION, FakeAuthenticator.GOOD_TOKEN);
        FullHttpRequest withKey = get("/signed");
        withKey.headers().set("X-Key", "k1");

        // when
        channel.writeInbound(withSession);
        channel.writeInbound(withKey);

        // then both reach the handler, which checks what it checks, and neither carries a user
        FullHttpResponse first = channel.readOutbound();
        FullHttpResponse second = channel.readOutbound();
        try {
            assertThat(first.status()).isEqualTo(HttpResponseStatus.OK);
            assertThat(body(first)).isEqualTo("user none, key null");
            assertThat(body(second)).isEqualTo("user none, key k1");
        } finally {
            first.release();
            second.release();
        }
    }

    @Test
    void shouldAnswerAFailingHandlerWithAGeneric500() {
        channel.writeInbound(get("/broken"));

        FullHttpResponse response = channel.readOutbound();
        try {
            assertThat(response.status()).isEqualTo(HttpResponseStatus.INTERNAL_SERVER_ERROR);
            assertThat(body(response)).doesNotContain("secret").contains("\"error\":\"internal_error\"");
        } finally {
            response.release();
        }
        assertThat(channel.isOpen()).isTrue();
    }

    private static FullHttpRequest get(String uri) {
        return request(HttpMethod.GET, uri);
    }

    private static FullHttpRequest request(HttpMethod method, String uri) {
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri, Unpooled.EMPTY_BUFFER);
    }

    private static String body(FullHttpResponse response) {
        ByteBuf content = response.content();
        return content.toString(StandardCharsets.UTF_8);
    }
}
