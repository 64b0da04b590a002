package io.hotline.telephony.agi;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of one FastAGI connection: idle guard, then the AGI codec, then the session. Shared by all
 * connections; builds a fresh decoder and session per channel.
 */
final class AgiServerInitializer extends ChannelInitializer<SocketChannel> {
    private final AgiServerConfig config;
    private final Map<String, AgiScript> scripts;
    private final AgiSessionObserver observer;

    AgiServerInitializer(AgiServerConfig config, Map<String, AgiScript> scripts, AgiSessionObserver observer) {
        this.config = config;
        this.scripts = Map.copyOf(scripts);
        this.observer = observer;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("idle", new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        pipeline.addLast("agiDecoder", new AgiDecoder(config.maxLineLength()));
        pipeline.addLast("agiEncoder", AgiCommandEncoder.INSTANCE);
        pipeline.addLast("agiSession", new AgiSessionHandler(scripts, config.commandTimeout(), observer));
    }
}
