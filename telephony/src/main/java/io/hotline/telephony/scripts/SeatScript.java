package io.hotline.telephony.scripts;

import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.engine.RoutingInbox;
import io.hotline.routing.spi.SeatDirectory;
import io.hotline.telephony.agi.AgiCommand;
import io.hotline.telephony.agi.AgiScript;
import io.hotline.telephony.agi.AgiSession;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * {@code seat?action=login|logout|notready|ready[&reason=NN]}: feature codes dialled from a seat's softphone
 * ({@code *21} log in, {@code *22} log out, {@code *23}+reason digits not ready, {@code *24} ready). The seat is
 * the one whose dial string is the calling channel's endpoint. The script answers the channel if the dialplan did
 * not (CHANNEL STATUS, as recording 18), hands the request to the routing engine and waits for its decision: the
 * seat hears {@value #CONFIRMED} when the engine applied it and {@value #REFUSED_TONE} when it did not, and
 * {@code HOTLINE_SEAT_RESULT} is set to {@code OK}, {@code REFUSED} (with {@code HOTLINE_SEAT_REASON}, the
 * engine's reason), {@code TIMEOUT} (no answer from the engine in time), {@code UNKNOWN_SEAT}, {@code BAD_ACTION} or
 * {@code BUSY} (routing's inbox is full); every result but {@code OK} plays the refusal tone. Both tones are
 * Asterisk core sounds; a tone missing on the PBX is logged once ({@link MissingPrompts}) and the result is set all
 * the same. Thread-safe.
 */
public final class SeatScript implements AgiScript {
    /** The tone of an applied request. */
    public static final String CONFIRMED = "beep";
    /** The tone of a refused one (the core sound Asterisk's own features play on a failed transfer). */
    public static final String REFUSED_TONE = "beeperr";
    private static final Pattern REASON = Pattern.compile("[0-9]{1,4}");
    /** Channel state "Up" in the reply to CHANNEL STATUS. */
    private static final int UP = 6;

    private final SeatDirectory seats;
    private final RoutingInbox inbox;
    private final Executor blocking;
    private final SeatRequests requests;
    private final MissingPrompts prompts;

    public SeatScript(SeatDirectory seats, RoutingInbox inbox, Executor blocking, SeatRequests requests,
                      MissingPrompts prompts) {
        this.seats = seats;
        this.inbox = inbox;
        this.blocking = blocking;
        this.requests = requests;
        this.prompts = prompts;
    }

    @Override
    public String name() {
        return "seat";
    }

    @Override
    public CompletionStage<Void> run(AgiSession session) {
        String action = session.request().parameters().getOrDefault("action", "");
        String reason = session.request().parameters().getOrDefault("reason", "");
        String dialString = dialString(session.request().channel());
        return CompletableFuture.supplyAsync(() -> dialString == null ? Optional.<String>empty()
                        : seats.seatIdForDialString(dialString), blocking)
                .thenComposeAsync(seat -> answerChannel(session).thenCompose(up -> request(session, seat, action,
                        reason)), session.executor())
                .thenComposeAsync(outcome -> tell(session, outcome), session.executor());
    }

    /** What the seat is told: the result, the engine's reason for a refusal, and whether it was applied. */
    private record Outcome(String result, String reason) {
        boolean applied() {
            return result.equals("OK");
        }
    }

    private CompletionStage<Outcome> request(AgiSession session, Optional<String> seat, String action,
                                             String reason) {
        if (seat.isEmpty()) {
            return CompletableFuture.completedFuture(new Outcome("UNKNOWN_SEAT", null));
        }
        SeatRequests.Pending pending = requests.open(session.executor());
        RoutingEvent event = event(seat.get(), action, reason, pending.requestId());
        if (event == null || !inbox.offer(event)) {
            requests.cancel(pending.requestId());
            return CompletableFuture.completedFuture(new Outcome(event == null ? "BAD_ACTION" : "BUSY", null));
        }
        return pending.answer().thenApply(answer -> answer.map(decided -> decided.accepted()
                        ? new Outcome("OK", null) : new Outcome("REFUSED", decided.reason()))
                .orElseGet(() -> new Outcome("TIMEOUT", "no answer from routing in time")));
    }

    /** Answers the channel unless it is up (a dialplan without Answer() would let the tone play into nothing). */
    private static CompletionStage<Void> answerChannel(AgiSession session) {
        return session.send(AgiCommand.channelStatus()).thenCompose(status -> status.resultAsInt(UP) == UP
                ? CompletableFuture.<Void>completedFuture(null)
                : session.send(AgiCommand.answer()).thenAccept(reply -> { }));
    }

    private CompletionStage<Void> tell(AgiSession session, Outcome outcome) {
        String tone = outcome.applied() ? CONFIRMED : REFUSED_TONE;
        CompletionStage<?> told = session.send(AgiCommand.streamFile(tone, ""))
                .thenAccept(reply -> prompts.check(tone, reply, session));
        if (outcome.reason() != null) {
            told = told.thenCompose(reply -> session.send(AgiCommand.setVariable("HOTLINE_SEAT_REASON",
                    outcome.reason())));
        }
        return told.thenCompose(reply -> session.send(AgiCommand.setVariable("HOTLINE_SEAT_RESULT",
                outcome.result()))).thenAccept(reply -> { });
    }

    private static RoutingEvent event(String seat, String action, String reason, String requestId) {
        return switch (action) {
            case "login" -> new RoutingEvent.SeatLoggedIn(seat, requestId);
            case "logout" -> new RoutingEvent.SeatLoggedOut(seat, requestId);
            case "ready" -> new RoutingEvent.SeatReady(seat, requestId);
            case "notready" -> new RoutingEvent.SeatNotReady(seat, REASON.matcher(reason).matches() ? "code-" + reason
                    : "break", requestId);
            default -> null;
        };
    }

    /** {@code PJSIP/1004-0000001a} to {@code PJSIP/1004}; {@code null} when the channel name has no endpoint. */
    static String dialString(String channel) {
        if (channel == null || channel.indexOf('/') < 0) {
            return null;
        }
        int dash = channel.lastIndexOf('-');
        return dash > channel.indexOf('/') ? channel.substring(0, dash) : channel;
    }
}
