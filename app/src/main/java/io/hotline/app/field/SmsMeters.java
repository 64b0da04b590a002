package io.hotline.app.field;

import io.hotline.ops.metrics.HotlineMeters;
import io.hotline.web.sms.SmsAnswer;
import io.hotline.web.sms.SmsInbox;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;

/**
 * The SMS meters of the catalog ({@link HotlineMeters#SMS_OUTBOUND}, {@link HotlineMeters#SMS_INBOUND},
 * {@link HotlineMeters#SMS_QUEUED}): the outbound outcomes from the sender's counts and the receipts recorded, the
 * inbound ones from the answers of the webhook's inbox, the queue from the health check's last reading (a scrape
 * never queries). Signature refusals are not counted here: {@code hotline.http.requests} has them (route
 * {@code sms_inbound}, status 401). Thread-safe: the counts are {@link LongAdder}s.
 */
final class SmsMeters {
    private final Map<SmsAnswer.Status, LongAdder> inbound = new EnumMap<>(SmsAnswer.Status.class);
    private final LongAdder delivered = new LongAdder();
    private final LongAdder undelivered = new LongAdder();

    SmsMeters() {
        for (SmsAnswer.Status status : SmsAnswer.Status.values()) {
            inbound.put(status, new LongAdder());
        }
    }

    /** {@code inbox}, counting each answer it gives by its status. */
    SmsInbox counting(SmsInbox inbox) {
        Objects.requireNonNull(inbox, "inbox");
        return sms -> {
            var answer = inbox.received(sms);
            return answer == null ? null : answer.whenComplete((given, failure) -> {
                if (given != null) {
                    inbound.get(given.status()).increment();
                }
            });
        };
    }

    /** A receipt changed a sent message: delivered, or not. */
    void receipt(boolean wasDelivered) {
        (wasDelivered ? delivered : undelivered).increment();
    }

    /** Registers the meters, reading {@code sender}'s counts and {@code health}'s last reading. */
    void bindTo(MeterRegistry registry, SmsSender sender, SmsHealth health) {
        outbound(registry, "sent", sender, SmsSender::sentCount);
        outbound(registry, "failed", sender, SmsSender::failedCount);
        outbound(registry, "given_up", sender, SmsSender::givenUpCount);
        outbound(registry, "delivered", delivered, LongAdder::sum);
        outbound(registry, "undelivered", undelivered, LongAdder::sum);
        inbound.forEach((status, count) -> FunctionCounter.builder(HotlineMeters.SMS_INBOUND.meterName(), count,
                        LongAdder::sum).description(HotlineMeters.SMS_INBOUND.description())
                .tags(HotlineMeters.SMS_INBOUND.tags("outcome", status.json())).register(registry));
        Gauge.builder(HotlineMeters.SMS_QUEUED.meterName(), health, SmsHealth::lastQueued)
                .description(HotlineMeters.SMS_QUEUED.description()).register(registry);
    }

    private static <T> void outbound(MeterRegistry registry, String outcome, T source, ToDoubleFunction<T> count) {
        FunctionCounter.builder(HotlineMeters.SMS_OUTBOUND.meterName(), source, count)
                .description(HotlineMeters.SMS_OUTBOUND.description())
                .tags(HotlineMeters.SMS_OUTBOUND.tags("outcome", outcome)).register(registry);
    }
}
