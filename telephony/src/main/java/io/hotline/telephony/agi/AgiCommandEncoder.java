package io.hotline.telephony.agi;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Writes an {@link AgiCommand} as one UTF-8 line ended by LF. Stateless, so one instance serves every channel.
 */
@ChannelHandler.Sharable
public final class AgiCommandEncoder extends MessageToByteEncoder<AgiCommand> {
    /** The shared instance. */
    public static final AgiCommandEncoder INSTANCE = new AgiCommandEncoder();

    private AgiCommandEncoder() {
        super(AgiCommand.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, AgiCommand command, ByteBuf out) {
        out.writeCharSequence(command.text(), StandardCharsets.UTF_8);
        out.writeByte('\n');
    }
}
