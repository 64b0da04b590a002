package io.hotline.web.sms;

import io.hotline.web.http.Access;
import io.hotline.web.http.HttpReply;
import io.hotline.web.http.HttpRoutes;
import io.hotline.web.http.RouteRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS gateway's delivery receipts of docs/api.md, {@code POST /sms/status}: {@link Access#SIGNED} with the
 * same scheme, secret and replay window as {@code /sms/inbound} ({@link WebhookSignature}). In order: a body over
 * the limit is answered 413; a request whose signature or timestamp does not hold 401 with which; a media type
 * other than JSON or form 415; a malformed body (a status other than the five) 400 with what is wrong; then the
 * receipt goes to {@link SmsReceipts}, whose answer is the 200 {@code {"status":"recorded|duplicate|unknown"}}
 * (unknown too is 200, so that the gateway stops retrying); a port that fails or does not answer within the
 * timeout is answered 503 (recording is idempotent: the gateway delivers it again).
 * <p>
 * Stateless apart from the rate-limited warning; thread-safe. Never blocks the event loop.
 */
public final class SmsReceiptRoutes {

    /** The receipts' path. */
    public static final String PATH = "/sms/status";
    /** The receipts' route name (metrics, logs). */
    public static final String NAME = "sms_status";

    private static final Logger LOG = LoggerFactory.getLogger(SmsReceiptRoutes.class);

    private final SmsWebhookConfig config;
    private final WebhookSignature signature;
    private final SmsReceipts receipts;
    private final InstantSource clock;
    private final RateLimitedWarning failures = new RateLimitedWarning(LOG, Duration.ofSeconds(10));

    private SmsReceiptRoutes(SmsWebhookConfig config, SmsReceipts receipts, InstantSource clock) {
        this.config = config;
        this.signature = new WebhookSignature(config.secret(), config.replayWindow(), clock);
        this.receipts = receipts;
        this.clock = clock;
    }

    /** Adds {@code POST /sms/status} to {@code routes}, handing receipts to {@code receipts}. */
    public static HttpRoutes.Builder register(HttpRoutes.Builder routes, SmsWebhookConfig config,
            SmsReceipts receipts, InstantSource clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(receipts, "receipts");
        Objects.requireNonNull(clock, "clock");
        SmsReceiptRoutes route = new SmsReceiptRoutes(config, receipts, clock);
        return routes.post(PATH, NAME, Access.SIGNED, route::status);
    }

    private CompletionStage<HttpReply> status(RouteRequest request) {
        Optional<HttpReply> refused = SignedRequests.refusal(config, signature, request, LOG, "an SMS receipt");
        if (refused.isPresent()) {
            return now(refused.get());
        }
        SmsWebhookBody.Reading reading = SmsWebhookBody.readReceipt(
                request.headers().get(HttpHeaderNames.CONTENT_TYPE), request.body(), clock.instant(),
                config.replayWindow());
        Optional<HttpReply> unreadable = SignedRequests.unreadable(reading);
        if (unreadable.isPresent()) {
            return now(unreadable.get());
        }
        DeliveryReceipt receipt = ((SmsWebhookBody.ReceiptRead) reading).receipt();
        return SignedRequests.ask(() -> receipts.received(receipt), config.inboxTimeout(), "the receipts port")
                .handle((outcome, failure) -> {
                    if (failure != null || outcome == null) {
                        failures.warn("The receipt of SMS {} was not recorded ({}); answered 503",
                                receipt.messageId(), failure == null ? "no answer" : failure.toString());
                        return HttpReply.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "unavailable",
                                "Hotline could not record this receipt now; deliver it again.")
                                .withHeader("Retry-After", "5");
                    }
                    return HttpReply.json(HttpResponseStatus.OK, Map.of("status", outcome.json()));
                });
    }

    private static CompletionStage<HttpReply> now(HttpReply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
