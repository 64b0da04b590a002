package io.hotline.telephony.agi;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of one FastAGI connection: idle guard, the AGI codec with its header caps, the header deadline
 * (until the request is decoded), then the session. Shared by all connections; builds fresh handlers per channel.
 */
final class AgiServerInitializer extends ChannelInitializer<SocketChannel> {
    private final AgiServerConfig config;
    private final Map<String, AgiScript> scripts;
    private final AgiSessionObserver observer;
    private final RateLimitedLog log;

    AgiServerInitializer(AgiServerConfig config, Map<String, AgiScript> scripts, AgiSessionObserver observer,
                         RateLimitedLog log) {
        this.config = config;
        this.scripts = Map.copyOf(scripts);
        this.observer = observer;
        this.log = log;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("idle", new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        AgiLimits limits = config.limits();
        pipeline.addLast("agiDecoder", new AgiDecoder(config.maxLineLength(), limits.maxHeaderBytes(),
                limits.maxHeaderLineLength()));
        pipeline.addLast("headerDeadline", new AgiHeaderDeadline(limits.headerTimeout(), observer, log));
        pipeline.addLast("agiEncoder", AgiCommandEncoder.INSTANCE);
        pipeline.addLast("agiSession", new AgiSessionHandler(scripts, config.commandTimeout(), observer, log));
    }
}
