package io.hotline.telephony.scripts;

import io.hotline.routing.callback.CallbackOutcome;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.telephony.agi.AgiScript;
import io.hotline.telephony.agi.AgiSession;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code callbackresult?call=<call id>&seat=<seat>&dialstatus=${DIALSTATUS}&answered=${ANSWEREDTIME}}:
 * run on a callback's seat leg in {@code [hotline-callback]} after the {@code Dial} of the customer returned, or
 * from its {@code h} extension when the seat hung up. Tells routing how the attempt ended
 * ({@link RoutingEvent.CallbackDialled}):
 * <ul>
 *   <li>{@code ANSWER}: {@link CallbackOutcome#CONNECTED}, with {@code ANSWEREDTIME} as the talk time;</li>
 *   <li>{@code NOANSWER}, {@code BUSY}, {@code CANCEL} (the seat hung up while the customer's phone rang):
 *       {@link CallbackOutcome#NO_ANSWER};</li>
 *   <li>{@code CHANUNAVAIL}, {@code CONGESTION} or anything else: {@link CallbackOutcome#FAILED};</li>
 *   <li>empty: the seat hung up before the customer was dialled; the callback goes back in queue.</li>
 * </ul>
 * Sends no AGI command; the answer is the routing engine's. Thread-safe.
 */
public final class CallbackResultScript implements AgiScript {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackResultScript.class);
    private final RouteContext context;

    public CallbackResultScript(RouteContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "callbackresult";
    }

    @Override
    public CompletionStage<Void> run(AgiSession session) {
        String call = session.request().parameters().get("call");
        if (call == null || call.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        String status = session.request().parameters().getOrDefault("dialstatus", "");
        CallbackOutcome outcome = outcome(status);
        Duration talked = outcome == CallbackOutcome.CONNECTED
                ? seconds(session.request().parameters().get("answered")) : Duration.ZERO;
        String seat = session.request().parameters().get("seat");
        if (!context.inbox().offer(new RoutingEvent.CallbackDialled(call, seat == null || seat.isEmpty() ? null : seat,
                outcome, talked))) {
            LOG.warn("[{}] Callback {}: routing is overloaded and did not hear that the dial ended ({})",
                    session.id(), call, status);
        }
        return CompletableFuture.completedFuture(null);
    }

    /** The outcome of {@code DIALSTATUS}, or {@code null} when the customer was not dialled (empty). */
    static CallbackOutcome outcome(String dialStatus) {
        return switch (dialStatus.trim().toUpperCase(Locale.ROOT)) {
            case "" -> null;
            case "ANSWER" -> CallbackOutcome.CONNECTED;
            case "NOANSWER", "BUSY", "CANCEL" -> CallbackOutcome.NO_ANSWER;
            default -> CallbackOutcome.FAILED;
        };
    }

    private static Duration seconds(String value) {
        try {
            return value == null || value.isBlank() ? Duration.ZERO : Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }
}
