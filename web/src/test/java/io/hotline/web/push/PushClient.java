package io.hotline.web.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One push connection as a page (or a load generator's desktop) sees it: collects every text message with the
 * {@link System#nanoTime()} of its arrival, so that a test or a benchmark can measure the time from an event to its
 * message; records the close status the server sent. Opened by {@link PushClients}.
 *
 * <p>Thread-safe: messages are added on the client's event loop and may be read from any thread.
 */
public final class PushClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One message received.
     *
     * @param type         the envelope's {@code type}
     * @param json         the whole envelope
     * @param arrivalNanos {@link System#nanoTime()} when the frame was decoded
     */
    public record Received(String type, JsonNode json, long arrivalNanos) {

        /** The envelope's {@code data}. */
        public JsonNode data() {
            return json.path("data");
        }
    }

    /** The server answered the handshake with {@code status} instead of 101. */
    public static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(int status, Throwable cause) {
            super("WebSocket handshake refused with HTTP " + status, cause);
            this.status = status;
        }

        /** The HTTP status of the refusal, e.g. 401. */
        public int status() {
            return status;
        }
    }

    private final Consumer<Received> onMessage;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<PushClient> handshake = new CompletableFuture<>();
    private final CompletableFuture<Integer> closeStatus = new CompletableFuture<>();
    private final CompletableFuture<Void> pong = new CompletableFuture<>();
    private volatile Channel channel;

    PushClient(Consumer<Received> onMessage) {
        this.onMessage = onMessage;
    }

    CompletableFuture<PushClient> handshake() {
        return handshake;
    }

    void handshakeFailed(Throwable cause) {
        handshake.completeExceptionally(cause);
    }

    /** Every message received so far, oldest first. */
    public List<Received> messages() {
        return List.copyOf(received);
    }

    /** The messages of one type received so far, oldest first. */
    public List<Received> messages(String type) {
        return received.stream().filter(message -> message.type().equals(type)).toList();
    }

    /** The first message of this type received so far. */
    public Optional<Received> first(String type) {
        return received.stream().filter(message -> message.type().equals(type)).findFirst();
    }

    /**
     * The status of the server's close frame once the connection has ended, or -1 when it ended without one.
     */
    public CompletableFuture<Integer> closeStatus() {
        return closeStatus;
    }

    /** Completes when a protocol-level pong arrives. */
    public CompletableFuture<Void> pong() {
        return pong;
    }

    /** Whether the connection is open. */
    public boolean isOpen() {
        Channel current = channel;
        return current != null && current.isActive();
    }

    /** Sends a text message, e.g. {@code {"type":"ping"}}. */
    public void send(String text) {
        channel.writeAndFlush(new TextWebSocketFrame(text));
    }

    /** Sends the page's application-level ping, {@code {"type":"ping"}}. */
    public void ping() {
        send("{\"type\":\"ping\"}");
    }

    /** Sends a protocol-level ping frame. */
    public void protocolPing() {
        channel.writeAndFlush(new PingWebSocketFrame(Unpooled.copiedBuffer("p", StandardCharsets.UTF_8)));
    }

    /** Stops or resumes reading from the socket, to play a slow consumer. */
    public void setReading(boolean reading) {
        channel.config().setAutoRead(reading);
    }

    /** Sends a normal close (1000) and closes the socket. */
    @Override
    public void close() {
        Channel current = channel;
        if (current != null && current.isActive()) {
            current.writeAndFlush(new CloseWebSocketFrame(1000, "bye")).addListener(done -> current.close());
        }
    }

    ChannelHandler handler() {
        return new Handler();
    }

    private final class Handler extends SimpleChannelInboundHandler<WebSocketFrame> {

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                channel = ctx.channel();
                handshake.complete(PushClient.this);
            } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                handshake.completeExceptionally(new IOException("WebSocket handshake timed out"));
                ctx.close();
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            long arrival = System.nanoTime();
            if (frame instanceof TextWebSocketFrame text) {
                Received message = parse(text.text(), arrival);
                received.add(message);
                onMessage.accept(message);
            } else if (frame instanceof CloseWebSocketFrame close) {
                closeStatus.complete(close.statusCode());
                ctx.close();
            } else if (frame instanceof PongWebSocketFrame) {
                pong.complete(null);
            }
        }

        private Received parse(String text, long arrival) {
            try {
                JsonNode json = JSON.readTree(text);
                return new Received(json.path("type").asText(""), json, arrival);
            } catch (IOException e) {
                throw new UncheckedIOException("push message is not JSON: " + text, e);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            handshake.completeExceptionally(new IOException("connection closed before the handshake completed"));
            closeStatus.complete(-1);
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof WebSocketClientHandshakeException refused && refused.response() != null) {
                handshake.completeExceptionally(new Refused(refused.response().status().code(), refused));
            } else {
                handshake.completeExceptionally(cause);
            }
            ctx.close();
        }
    }
}
