package io.hotline.telephony.agi;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One FastAGI session: picks the script named by the request's path, lets it send one command at a time with
 * a timeout each, turns the HANGUP line into the script's hang-up callback, and closes the connection when the
 * script is done (Asterisk then continues the dialplan). Bad input from Asterisk closes only this connection,
 * with the reason logged. One per channel, not {@code @Sharable}; confined to the channel's event loop.
 */
final class AgiSessionHandler extends SimpleChannelInboundHandler<Object> implements AgiSession {
    private static final Logger LOG = LoggerFactory.getLogger(AgiSessionHandler.class);

    private final Map<String, AgiScript> scripts;
    private final Duration commandTimeout;
    private final AgiSessionObserver observer;
    private final RateLimitedLog problems;
    private ChannelHandlerContext ctx;
    private AgiRequest request;
    private CompletableFuture<AgiReply> pending;
    private AgiCommand pendingCommand;
    /** When the command in flight was sent ({@link System#nanoTime()}), for {@link AgiSessionObserver}. */
    private long pendingSince;
    private ScheduledFuture<?> pendingTimeout;
    private final List<Runnable> hangupListeners = new ArrayList<>();
    private boolean hungUp;

    AgiSessionHandler(Map<String, AgiScript> scripts, Duration commandTimeout, AgiSessionObserver observer,
                      RateLimitedLog problems) {
        this.scripts = scripts;
        this.commandTimeout = commandTimeout;
        this.observer = observer;
        this.problems = problems;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        observer.sessionOpened();
        context.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, Object message) {
        if (message instanceof AgiRequest agiRequest) {
            start(agiRequest);
        } else if (message instanceof AgiReply reply) {
            reply(reply);
        } else if (message instanceof AgiHangup) {
            hangUp();
        }
    }

    private void start(AgiRequest agiRequest) {
        if (request != null) {
            close("a second environment block on one connection");
            return;
        }
        request = agiRequest;
        AgiScript script = scripts.get(agiRequest.script());
        if (script == null) {
            problems.warn("[{}] Unknown AGI script '{}' (request {}, channel {}): answering with"
                    + " HOTLINE_RESULT=UNKNOWN_SCRIPT and returning to the dialplan", id(), agiRequest.script(),
                    agiRequest.get("agi_request"), agiRequest.channel());
            observer.unknownScript();
            // Hang-up safe: setting a variable works on a dead channel too; the dialplan decides what to do
            // (scripts.DialplanContract.RESULT_UNKNOWN_SCRIPT: the fallback).
            send(AgiCommand.setVariable("HOTLINE_RESULT", "UNKNOWN_SCRIPT"))
                    .whenComplete((reply, error) -> close(null));
            return;
        }
        CompletionStage<Void> run;
        try {
            run = script.run(this);
        } catch (RuntimeException e) {
            run = CompletableFuture.failedFuture(e);
        }
        run.whenComplete((ignored, error) -> {
            if (error != null) {
                problems.warn("[{}] AGI script {} failed: {}", id(), script.name(), error.toString());
            }
            close(null);
        });
    }

    private void reply(AgiReply reply) {
        CompletableFuture<AgiReply> waiting = pending;
        if (waiting == null) {
            close("a reply (" + reply.code() + ") with no command in flight");
            return;
        }
        long answeredAfter = System.nanoTime() - pendingSince;
        clearPending();
        observer.commandAnswered(answeredAfter);
        waiting.complete(reply);
    }

    private void hangUp() {
        if (hungUp) {
            return;
        }
        hungUp = true;
        List<Runnable> listeners = new ArrayList<>(hangupListeners);
        hangupListeners.clear();
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("[{}] A hang-up listener failed: {}", id(), e.toString());
            }
        }
    }

    @Override
    public CompletionStage<AgiReply> send(AgiCommand command) {
        return send(command, commandTimeout);
    }

    @Override
    public CompletionStage<AgiReply> send(AgiCommand command, Duration timeout) {
        assert ctx.executor().inEventLoop() : "AGI commands are sent from the channel's event loop";
        if (pending != null) {
            return CompletableFuture.failedFuture(new AgiSessionException("[" + id() + "] '" + command
                    + "' sent while '" + pendingCommand + "' is still in flight"));
        }
        if (!ctx.channel().isActive()) {
            return CompletableFuture.failedFuture(new AgiSessionException("[" + id() + "] connection closed"));
        }
        CompletableFuture<AgiReply> reply = new CompletableFuture<>();
        pending = reply;
        pendingCommand = command;
        pendingSince = System.nanoTime();
        pendingTimeout = ctx.executor().schedule(() -> timeOut(reply, command), timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        ctx.writeAndFlush(command).addListener(written -> {
            if (!written.isSuccess()) {
                failPending("cannot write '" + command + "': " + written.cause());
            }
        });
        return reply;
    }

    private void timeOut(CompletableFuture<AgiReply> reply, AgiCommand command) {
        if (pending == reply) {
            observer.commandTimedOut();
            close("no reply to '" + command + "' within the timeout");
        }
    }

    private void clearPending() {
        if (pendingTimeout != null) {
            pendingTimeout.cancel(false);
        }
        pending = null;
        pendingCommand = null;
        pendingTimeout = null;
    }

    private void failPending(String reason) {
        CompletableFuture<AgiReply> waiting = pending;
        if (waiting != null) {
            clearPending();
            waiting.completeExceptionally(new AgiSessionException("[" + id() + "] " + reason));
        }
    }

    @Override
    public void onHangup(Runnable listener) {
        if (hungUp) {
            listener.run();
        } else {
            hangupListeners.add(listener);
        }
    }

    @Override
    public boolean hungUp() {
        return hungUp;
    }

    @Override
    public EventExecutor executor() {
        return ctx.executor();
    }

    @Override
    public String id() {
        return ctx == null ? "agi" : ctx.channel().id().asShortText();
    }

    @Override
    public AgiRequest request() {
        return request;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event instanceof IdleStateEvent) {
            close("idle for too long");
        } else {
            context.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        failPending("connection closed");
        hangUp();
        observer.sessionClosed();
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        String reason = cause instanceof DecoderException ? "bad input from Asterisk: " + cause.getMessage()
                : cause.toString();
        if (cause instanceof DecoderException) {
            observer.malformedInput();
        }
        close(reason);
    }

    /** Closes this session's connection; {@code reason} (or null for a normal end) is logged. */
    private void close(String reason) {
        if (reason != null) {
            // Rate-limited: a client can cause this on every connection.
            problems.warn("[{}] Closing AGI session{} from {}: {}", id(),
                    request == null ? "" : " of " + request.channel(), ctx.channel().remoteAddress(), reason);
        }
        failPending(reason == null ? "session closed" : reason);
        ctx.close();
    }
}
