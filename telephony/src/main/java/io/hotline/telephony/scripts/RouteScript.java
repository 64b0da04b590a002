package io.hotline.telephony.scripts;

import io.hotline.telephony.agi.AgiScript;
import io.hotline.telephony.agi.AgiSession;
import java.util.concurrent.CompletionStage;

/**
 * {@code route}: where every inbound call enters Hotline. Recognises the caller, hands the call to the routing
 * engine (which tells the service desk, and the desk opens the call's one work order) and keeps the caller waiting
 * with music on hold, announcements and a callback offer, until the engine picks a seat; then sets
 * {@code HOTLINE_TARGET}, {@code HOTLINE_SEAT}, {@code HOTLINE_TIER}, {@code HOTLINE_RING_SECONDS} and
 * {@code HOTLINE_RESULT=ROUTED}, once what routing recorded of the call is on disk, and returns so the dialplan
 * dials. Re-entered with {@code dialstatus=} after the dial, it reports the outcome and waits again or ends.
 * See {@code docs/asterisk.md}. Thread-safe: every session gets its own {@link RouteSession}.
 */
public final class RouteScript implements AgiScript {
    private final RouteContext context;

    public RouteScript(RouteContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "route";
    }

    @Override
    public CompletionStage<Void> run(AgiSession session) {
        return new RouteSession(session, context).run();
    }
}
