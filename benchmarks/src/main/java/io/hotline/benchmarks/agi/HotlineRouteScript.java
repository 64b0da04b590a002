package io.hotline.benchmarks.agi;

import io.hotline.telephony.agi.AgiCommand;
import io.hotline.telephony.agi.AgiReply;
import io.hotline.telephony.agi.AgiRequest;
import io.hotline.telephony.agi.AgiScript;
import io.hotline.telephony.agi.AgiSession;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's {@code route} script on Hotline's server: {@code GET VARIABLE CHANNEL(linkedid)}, decide, set
 * the work order, music on, wait {@code holdMillis} on a timer of the session's event loop (never a sleep),
 * music off, set the target and the result. Chained stages, one command in flight. Shared by all sessions:
 * stateless apart from the immutable decision.
 */
final class HotlineRouteScript implements AgiScript {
    private final RouteDecision decision;
    private final long holdMillis;

    HotlineRouteScript(RouteDecision decision, long holdMillis) {
        this.decision = decision;
        this.holdMillis = holdMillis;
    }

    @Override
    public String name() {
        return "route";
    }

    @Override
    public CompletionStage<Void> run(AgiSession session) {
        AgiRequest request = session.request();
        return session.send(AgiCommand.getVariable("CHANNEL(linkedid)"))
                .thenCompose(reply -> {
                    String linkedId = reply.isSuccess() && reply.data() != null ? reply.data() : request.uniqueId();
                    RouteDecision.Route route = decision.decide(request.callerId(),
                            request.parameters().get("dnis"), linkedId);
                    return session.send(AgiCommand.setVariable("HOTLINE_WORKORDER", route.workOrder()))
                            .thenCompose(ignored -> session.send(AgiCommand.musicOn("default")))
                            .thenCompose(ignored -> hold(session))
                            .thenCompose(ignored -> session.send(AgiCommand.musicOff()))
                            .thenCompose(ignored -> session.send(AgiCommand.setVariable("HOTLINE_TARGET",
                                    route.target())));
                })
                .thenCompose(ignored -> session.send(AgiCommand.setVariable("HOTLINE_RESULT", "ROUTED")))
                .thenApply(ignored -> null);
    }

    /** Completes after {@code holdMillis} on the session's event loop, or at once when the caller hangs up. */
    private CompletionStage<AgiReply> hold(AgiSession session) {
        if (holdMillis <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<AgiReply> held = new CompletableFuture<>();
        session.executor().schedule(() -> held.complete(null), holdMillis, TimeUnit.MILLISECONDS);
        session.onHangup(() -> held.complete(null));
        return held;
    }
}
