package io.hotline.web.push;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Opens {@link PushClient}s, many of them if need be (a load generator's thousand desktops), on one shared set of
 * Netty event-loop threads that it owns. Lives in web's test sources ({@code io.hotline.web.push}); benchmarks can
 * reach it through web's test jar ({@code hotline-web}, type {@code test-jar}).
 *
 * <p>Thread-safe; {@link #close()} closes every connection it opened and ends its threads.
 */
public final class PushClients implements AutoCloseable {

    private static final int MAX_FRAME_BYTES = 4 * 1024 * 1024;
    private static final long HANDSHAKE_TIMEOUT_MILLIS = 5000;

    private final EventLoopGroup group;

    /** @param threads the event-loop threads (1 is plenty for tests; a few for a thousand clients) */
    public PushClients(int threads) {
        this.group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
    }

    /**
     * Connects with {@code Authorization: Bearer token}.
     *
     * @param uri       e.g. {@code ws://127.0.0.1:8080/ws}
     * @param token     the session token, without {@code Bearer }
     * @param onMessage called on the client's event loop with each message as it arrives (may be a no-op)
     */
    public CompletableFuture<PushClient> connectWithBearer(URI uri, String token,
            Consumer<PushClient.Received> onMessage) {
        return connect(uri, Map.of("Authorization", "Bearer " + token), onMessage);
    }

    /**
     * Connects with the given handshake headers (e.g. {@code Cookie}, {@code Origin}). The future completes once the
     * server has answered 101, or fails: with {@link PushClient.Refused} carrying the status when the server
     * answered otherwise, or with the I/O error.
     */
    public CompletableFuture<PushClient> connect(URI uri, Map<String, String> headers,
            Consumer<PushClient.Received> onMessage) {
        HttpHeaders handshakeHeaders = new DefaultHttpHeaders();
        headers.forEach(handshakeHeaders::set);
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .customHeaders(handshakeHeaders)
                .handleCloseFrames(false)
                .dropPongFrames(false)
                .generateOriginHeader(false)
                .maxFramePayloadLength(MAX_FRAME_BYTES)
                .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS)
                .build();
        PushClient client = new PushClient(onMessage);
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline()
                                .addLast("httpCodec", new HttpClientCodec())
                                .addLast("aggregator", new HttpObjectAggregator(64 * 1024))
                                .addLast("webSocket", new WebSocketClientProtocolHandler(config))
                                .addLast("client", client.handler());
                    }
                });
        ChannelFuture connected = bootstrap.connect(uri.getHost(), uri.getPort());
        connected.addListener(done -> {
            if (!done.isSuccess()) {
                client.handshakeFailed(done.cause());
            }
        });
        return client.handshake();
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}
