package io.hotline.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpServerInitializerTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new HttpServerInitializer(
            HttpRoutes.builder().get("/ping", "ping", Access.PUBLIC, RouteHandler.of(request ->
                    HttpReply.of(HttpResponseStatus.OK, "text/plain; charset=utf-8", "pong"))).build(),
            Authenticator.DENY_ALL, HttpRequestObserver.NO_OP, 16));

    @AfterEach
    void finishChannel() {
        assertFalse(channel.finish());
    }

    @Test
    void shouldBuildTheNamedPipeline() {
        assertThat(channel.pipeline().names()).startsWith("idle", "httpCodec", "aggregator", "handler");
    }

    @Test
    void shouldAnswerRawHttpWhetherItArrivesWholeOrOneByteAtATime() {
        String request = "GET /ping HTTP/1.1\r\nHost: localhost\r\n\r\n";

        channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.US_ASCII));
        String whole = readAll();
        for (byte octet : request.getBytes(StandardCharsets.US_ASCII)) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {octet}));
        }
        String chunked = readAll();

        assertThat(whole).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\npong").contains("content-length: 4");
        assertThat(chunked).isEqualTo(whole);
    }

    @Test
    void shouldAnswerAnOversizedBodyWith413() {
        channel.writeInbound(Unpooled.copiedBuffer("POST /ping HTTP/1.1\r\nHost: localhost\r\nContent-Length: 17\r\n"
                + "\r\n12345678901234567", StandardCharsets.US_ASCII));

        assertThat(readAll()).startsWith("HTTP/1.1 413 Request Entity Too Large\r\n");
    }

    @Test
    void shouldAnswerGarbageWith400AndClose() {
        channel.writeInbound(Unpooled.copiedBuffer("THIS IS NOT HTTP\r\n\r\n", StandardCharsets.US_ASCII));

        assertThat(readAll()).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("\"error\":\"bad_request\"");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void shouldAnswerAnOverlongRequestLineWith414() {
        channel.writeInbound(Unpooled.copiedBuffer("GET /" + "a".repeat(5000) + " HTTP/1.1\r\n\r\n",
                StandardCharsets.US_ASCII));

        assertThat(readAll()).startsWith("HTTP/1.1 414 Request-URI Too Long\r\n");
    }

    private String readAll() {
        StringBuilder text = new StringBuilder();
        for (ByteBuf buffer = channel.readOutbound(); buffer != null; buffer = channel.readOutbound()) {
            text.append(buffer.toString(StandardCharsets.US_ASCII));
            buffer.release();
        }
        return text.toString();
    }
}
