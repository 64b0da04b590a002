package io.hotline.web.sms;

import io.hotline.web.http.HttpReply;
import io.hotline.web.http.RouteRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * What the SMS gateway's two signed routes ({@code /sms/inbound}, {@code /sms/status}) do alike before and after
 * their own work: the size limit (413) and the signature with its timestamp (401 saying which), the body's media
 * type (415) and shape (400), and asking their port with a timeout. Stateless, thread-safe.
 */
final class SignedRequests {

    private SignedRequests() {
    }

    /** The 413 or 401 for a request that is too large or not signed with the secret in time, or empty. */
    static Optional<HttpReply> refusal(SmsWebhookConfig config, WebhookSignature signature, RouteRequest request,
                                       Logger log, String what) {
        byte[] body = request.body();
        if (body.length > config.maxBody()) {
            return Optional.of(HttpReply.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "too_large",
                    "The body is over " + config.maxBody() + " bytes."));
        }
        WebhookSignature.Verdict verdict = signature.check(request.headers().get(WebhookSignature.TIMESTAMP_HEADER),
                request.headers().get(WebhookSignature.SIGNATURE_HEADER), body);
        if (verdict != WebhookSignature.Verdict.VALID) {
            log.debug("Refused {} from {}: {}", what, request.remoteAddress(), verdict);
            return Optional.of(HttpReply.error(HttpResponseStatus.UNAUTHORIZED, verdict.code(), verdict.message()));
        }
        return Optional.empty();
    }

    /** The 415 or 400 for a body that could not be read, or empty when it was. */
    static Optional<HttpReply> unreadable(SmsWebhookBody.Reading reading) {
        if (reading instanceof SmsWebhookBody.Unsupported unsupported) {
            return Optional.of(HttpReply.error(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    unsupported.message()));
        }
        if (reading instanceof SmsWebhookBody.Malformed malformed) {
            return Optional.of(HttpReply.error(HttpResponseStatus.BAD_REQUEST, "bad_request", malformed.message()));
        }
        return Optional.empty();
    }

    /** The port's answer, failed when it throws, answers nothing or does not answer within {@code timeout}. */
    static <T> CompletableFuture<T> ask(Supplier<CompletableFuture<T>> port, Duration timeout, String what) {
        CompletableFuture<T> answer;
        try {
            answer = port.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (answer == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(what + " returned no stage"));
        }
        // A copy: the timeout must not complete the port's own future.
        return answer.copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
