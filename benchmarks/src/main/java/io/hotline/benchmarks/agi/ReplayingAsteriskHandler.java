package io.hotline.benchmarks.agi;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.nio.charset.StandardCharsets;

/**
 * Plays Asterisk on one generated FastAGI connection: sends the recorded environment block, then answers every
 * command line as Asterisk 22 did in the transcripts ({@code 200 result=1 (<linkedid>)} to
 * {@code GET VARIABLE CHANNEL(linkedid)}, {@code 200 result=1} to {@code SET VARIABLE}, {@code 200 result=0} to
 * {@code SET MUSIC ...}), checks that the server sends the benchmark's exchange in order with the values the
 * shared {@link RouteDecision} gives, and reports the outcome when the connection ends. Commands after the
 * exchange (asterisk-java adds {@code SET VARIABLE AJ_AGISTATUS SUCCESS}) are answered too. One per channel,
 * not {@code @Sharable}; confined to the channel's event loop.
 */
final class ReplayingAsteriskHandler extends SimpleChannelInboundHandler<ByteBuf> {
    private static final byte[] RESULT_0 = bytes("200 result=0\n");
    private static final byte[] RESULT_1 = bytes("200 result=1\n");
    private static final byte[] RESULT_6 = bytes("200 result=6\n");
    private static final byte[] UNKNOWN = bytes("510 Invalid or unknown command\n");
    private static final String MUSIC_ON = "SET MUSIC ON default";

    private final LoadRun run;
    private final byte[] environment;
    private final String linkedId;
    private final String[] expected;
    private final long startNanos;
    private int step;
    private boolean protocolError;
    private boolean held;
    private boolean ended;

    ReplayingAsteriskHandler(LoadRun run, byte[] environment, String linkedId, RouteDecision.Route route) {
        this.run = run;
        this.environment = environment;
        this.linkedId = linkedId;
        this.expected = new String[] {"GET VARIABLE CHANNEL(linkedid)", "SET VARIABLE HOTLINE_WORKORDER "
                + route.workOrder(), MUSIC_ON, "SET MUSIC OFF", "SET VARIABLE HOTLINE_TARGET " + route.target(),
                "SET VARIABLE HOTLINE_RESULT ROUTED"};
        this.startNanos = System.nanoTime();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(environment));
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf line) {
        // asterisk-java quotes every argument, Hotline only those that need it: compare without the quotes.
        String command = line.toString(StandardCharsets.UTF_8).replace("\"", "");
        if (step < expected.length) {
            if (command.equals(expected[step])) {
                step++;
            } else {
                protocolError = true;
                run.unexpected(command, expected[step]);
            }
        }
        if (command.startsWith("SET MUSIC")) {
            setHeld(MUSIC_ON.equals(command));
        }
        ctx.writeAndFlush(Unpooled.wrappedBuffer(reply(command)));
    }

    private byte[] reply(String command) {
        if (command.startsWith("GET VARIABLE ")) {
            return "GET VARIABLE CHANNEL(linkedid)".equals(command) ? bytes("200 result=1 (" + linkedId + ")\n")
                    : RESULT_0;
        } else if (command.startsWith("SET VARIABLE ") || command.startsWith("VERBOSE ")) {
            return RESULT_1;
        } else if (command.startsWith("SET MUSIC") || command.startsWith("EXEC ") || "ANSWER".equals(command)) {
            return RESULT_0;
        } else if ("CHANNEL STATUS".equals(command)) {
            return RESULT_6;
        }
        return UNKNOWN;
    }

    private void setHeld(boolean nowHeld) {
        if (held != nowHeld) {
            held = nowHeld;
            run.heldChanged(nowHeld ? 1 : -1);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A reset (asterisk-java closes rejected connections with our environment block unread): the session
        // ends as dropped or incomplete when the channel goes inactive.
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        SessionOutcome outcome;
        if (protocolError) {
            outcome = SessionOutcome.PROTOCOL;
        } else if (step == expected.length) {
            outcome = SessionOutcome.OK;
        } else {
            outcome = step == 0 ? SessionOutcome.DROPPED : SessionOutcome.INCOMPLETE;
        }
        end(outcome);
        ctx.fireChannelInactive();
    }

    /** Reports the outcome once: from channelInactive, or from the connect listener when connecting failed. */
    void end(SessionOutcome outcome) {
        if (ended) {
            return;
        }
        ended = true;
        setHeld(false);
        run.sessionEnded(outcome, System.nanoTime() - startNanos);
    }
}
