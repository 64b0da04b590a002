package io.hotline.telephony.scripts;

import io.hotline.routing.spi.CallbackStore;
import io.hotline.telephony.agi.AgiCommand;
import io.hotline.telephony.agi.AgiScript;
import io.hotline.telephony.agi.AgiSession;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * {@code callback?workorder=<id>[&due=<ISO instant>]}: records the callback the caller chose (pressing 1 while
 * waiting, or after hours), to the caller's number, on their work order; due now, or at {@code due} (the next
 * opening). Sets {@code HOTLINE_CALLBACK} to {@code OK} or {@code FAILED}. Thread-safe.
 */
public final class CallbackScript implements AgiScript {
    private final CallbackStore callbacks;
    private final Executor blocking;
    private final InstantSource clock;

    public CallbackScript(CallbackStore callbacks, Executor blocking, InstantSource clock) {
        this.callbacks = callbacks;
        this.blocking = blocking;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "callback";
    }

    @Override
    public CompletionStage<Void> run(AgiSession session) {
        Map<String, String> parameters = session.request().parameters();
        String phone = session.request().callerId();
        Long workOrder = parseLong(parameters.get("workorder"));
        if (phone == null || workOrder == null) {
            return result(session, "FAILED");
        }
        Instant now = clock.instant();
        Instant due = parseInstant(parameters.get("due"), now);
        return CompletableFuture.supplyAsync(() -> callbacks.requestCallback(workOrder, phone, now, due), blocking)
                .thenComposeAsync(id -> result(session, id >= 0 ? "OK" : "FAILED"), session.executor());
    }

    private static CompletionStage<Void> result(AgiSession session, String result) {
        return session.send(AgiCommand.setVariable("HOTLINE_CALLBACK", result)).thenAccept(reply -> { });
    }

    private static Long parseLong(String text) {
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant parseInstant(String text, Instant fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            Instant due = Instant.parse(text);
            return due.isBefore(fallback) ? fallback : due;
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
