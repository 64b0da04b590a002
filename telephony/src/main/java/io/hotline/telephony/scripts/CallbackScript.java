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
 * {@code callback?workorder=<id>&call=<linkedid>[&due=<ISO instant>]}: records the callback the caller chose
 * (pressing 1 while waiting, or after hours), to the caller's number, on their work order; due now, or at
 * {@code due} (the next opening). When the database does not answer, or the work order id is not known yet (the
 * caller was routed during an outage), the callback is recorded later through the store's
 * {@code requestCallbackLater} by the call's linkedid. Sets {@code HOTLINE_CALLBACK} to {@code OK} (recorded or
 * durably promised) or {@code FAILED}. Thread-safe.
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
        String call = parameters.get("call");
        boolean knownCall = call != null && !call.isBlank();
        if (phone == null || (workOrder == null && !knownCall)) {
            return result(session, "FAILED");
        }
        Instant now = clock.instant();
        Instant due = parseInstant(parameters.get("due"), now);
        return CompletableFuture.supplyAsync(() -> record(workOrder, knownCall ? call : null, phone, now, due),
                        blocking)
                .thenComposeAsync(recorded -> result(session, recorded ? "OK" : "FAILED"), session.executor());
    }

    /** On the work order now, or later by the call when its id is unknown or the database does not answer. */
    private boolean record(Long workOrder, String call, String phone, Instant now, Instant due) {
        if (workOrder == null) {
            return callbacks.requestCallbackLater(call, phone, now, due);
        }
        return OutageFallback.nowOrLater(call, "callback",
                () -> callbacks.requestCallback(workOrder, phone, now, due) >= 0,
                () -> callbacks.requestCallbackLater(call, phone, now, due));
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
