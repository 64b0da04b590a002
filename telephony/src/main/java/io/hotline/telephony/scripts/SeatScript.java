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
 * the one whose dial string is the calling channel's endpoint. Confirms with a tone on success and sets
 * {@code HOTLINE_SEAT_RESULT} ({@code OK}, {@code UNKNOWN_SEAT}, {@code BAD_ACTION}, {@code BUSY}).
 * Thread-safe.
 */
public final class SeatScript implements AgiScript {
    private static final Pattern REASON = Pattern.compile("[0-9]{1,4}");

    private final SeatDirectory seats;
    private final RoutingInbox inbox;
    private final Executor blocking;

    public SeatScript(SeatDirectory seats, RoutingInbox inbox, Executor blocking) {
        this.seats = seats;
        this.inbox = inbox;
        this.blocking = blocking;
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
                .thenComposeAsync(seat -> {
                    if (seat.isEmpty()) {
                        return result(session, "UNKNOWN_SEAT");
                    }
                    RoutingEvent event = event(seat.get(), action, reason);
                    if (event == null) {
                        return result(session, "BAD_ACTION");
                    }
                    if (!inbox.offer(event)) {
                        return result(session, "BUSY");
                    }
                    return session.send(AgiCommand.streamFile("beep", ""))
                            .thenCompose(reply -> result(session, "OK"));
                }, session.executor());
    }

    private static RoutingEvent event(String seat, String action, String reason) {
        return switch (action) {
            case "login" -> new RoutingEvent.SeatLoggedIn(seat);
            case "logout" -> new RoutingEvent.SeatLoggedOut(seat);
            case "ready" -> new RoutingEvent.SeatReady(seat);
            case "notready" -> REASON.matcher(reason).matches() ? new RoutingEvent.SeatNotReady(seat, "code-" + reason)
                    : new RoutingEvent.SeatNotReady(seat, "break");
            default -> null;
        };
    }

    private static CompletionStage<Void> result(AgiSession session, String result) {
        return session.send(AgiCommand.setVariable("HOTLINE_SEAT_RESULT", result)).thenAccept(reply -> { });
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
