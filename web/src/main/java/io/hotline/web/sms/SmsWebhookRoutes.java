package io.hotline.web.sms;

import io.hotline.web.http.Access;
import io.hotline.web.http.HttpReply;
import io.hotline.web.http.HttpRoutes;
import io.hotline.web.http.RouteRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS gateway's webhook of docs/api.md, {@code POST /sms/inbound}: not a person's endpoint but the gateway's,
 * {@link Access#SIGNED}. In order: a body over the limit is answered 413; a request whose signature or timestamp
 * does not hold 401 with which ({@link WebhookSignature}); a media type other than JSON or form 415; a malformed
 * body 400 with what is wrong ({@link SmsWebhookBody}); then the message goes to the {@link SmsInbox}, whose answer
 * is the 200 {@code {"status":"accepted|refused|duplicate","reply":"..."}}; an inbox that fails or does not answer
 * within the timeout is answered 503 (the gateway delivers again; the inbox stores before it processes, so a
 * message it took is answered {@code duplicate} then). Nothing reaches the inbox unless signed with the secret.
 * <p>
 * Stateless apart from the rate-limited warning; thread-safe. Never blocks the event loop.
 */
public final class SmsWebhookRoutes {

    /** The webhook's path. */
    public static final String PATH = "/sms/inbound";
    /** The webhook's route name (metrics, logs). */
    public static final String NAME = "sms_inbound";

    private static final Logger LOG = LoggerFactory.getLogger(SmsWebhookRoutes.class);

    private final SmsWebhookConfig config;
    private final WebhookSignature signature;
    private final SmsInbox inbox;
    private final InstantSource clock;
    private final RateLimitedWarning inboxFailures = new RateLimitedWarning(LOG, Duration.ofSeconds(10));

    private SmsWebhookRoutes(SmsWebhookConfig config, SmsInbox inbox, InstantSource clock) {
        this.config = config;
        this.signature = new WebhookSignature(config.secret(), config.replayWindow(), clock);
        this.inbox = inbox;
        this.clock = clock;
    }

    /** Adds {@code POST /sms/inbound} to {@code routes}, handing messages to {@code inbox}, timed by {@code clock}. */
    public static HttpRoutes.Builder register(HttpRoutes.Builder routes, SmsWebhookConfig config, SmsInbox inbox,
            InstantSource clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(clock, "clock");
        SmsWebhookRoutes webhook = new SmsWebhookRoutes(config, inbox, clock);
        return routes.post(PATH, NAME, Access.SIGNED, webhook::inbound);
    }

    private CompletionStage<HttpReply> inbound(RouteRequest request) {
        Optional<HttpReply> refused = SignedRequests.refusal(config, signature, request, LOG,
                "an SMS webhook request");
        if (refused.isPresent()) {
            return now(refused.get());
        }
        SmsWebhookBody.Reading reading = SmsWebhookBody.read(request.headers().get(HttpHeaderNames.CONTENT_TYPE),
                request.body(), clock.instant(), config.replayWindow());
        Optional<HttpReply> unreadable = SignedRequests.unreadable(reading);
        if (unreadable.isPresent()) {
            return now(unreadable.get());
        }
        InboundSms sms = ((SmsWebhookBody.Read) reading).sms();
        return SignedRequests.ask(() -> inbox.received(sms), config.inboxTimeout(), "the inbox")
                .handle((answer, failure) -> {
                    if (failure != null || answer == null) {
                        inboxFailures.warn("The SMS inbox did not take message {} ({}); answered 503",
                                sms.messageId(), failure == null ? "no answer" : failure.toString());
                        return unavailable();
                    }
                    return HttpReply.json(HttpResponseStatus.OK, new AnswerJson(answer.status().json(),
                            answer.reply()));
                });
    }

    private static HttpReply unavailable() {
        return HttpReply.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "unavailable",
                "Hotline could not take this message now; deliver it again (a message Hotline already stored is"
                        + " answered duplicate, and processed once).").withHeader("Retry-After", "5");
    }

    private static CompletionStage<HttpReply> now(HttpReply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    /** The 200 answer's body. */
    private record AnswerJson(String status, String reply) {
    }
}
