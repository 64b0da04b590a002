package io.hotline.benchmarks.agi;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.BaseAgiScript;

/**
 * The same {@code route} exchange as {@link HotlineRouteScript}, written the asterisk-java way: blocking calls
 * on the channel API in the pool thread that serves the connection, and the wait is a sleep of that thread
 * (that is the thread-per-call model). Shared by all sessions: stateless apart from the immutable decision.
 */
final class AsteriskJavaRouteScript extends BaseAgiScript {
    private final RouteDecision decision;
    private final long holdMillis;

    AsteriskJavaRouteScript(RouteDecision decision, long holdMillis) {
        this.decision = decision;
        this.holdMillis = holdMillis;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String linkedId = getVariable("CHANNEL(linkedid)");
        if (linkedId == null) {
            linkedId = request.getUniqueId();
        }
        RouteDecision.Route route = decision.decide(request.getCallerIdNumber(), request.getParameter("dnis"),
                linkedId);
        setVariable("HOTLINE_WORKORDER", route.workOrder());
        playMusicOnHold("default");
        if (holdMillis > 0) {
            try {
                Thread.sleep(holdMillis);
            } catch (InterruptedException e) {
                // The server is shutting down: give the call back to the dialplan without a result.
                Thread.currentThread().interrupt();
                return;
            }
        }
        stopMusicOnHold();
        setVariable("HOTLINE_TARGET", route.target());
        setVariable("HOTLINE_RESULT", "ROUTED");
    }
}
