package io.hotline.web.sms;

import java.util.concurrent.CompletableFuture;

/**
 * Where {@code POST /sms/status} hands each signed, well-formed delivery receipt: Hotline records it on the outbound
 * message the gateway gave that id (sent becomes delivered, or failed with the error), once. Implemented in
 * {@code app}.
 * <p>
 * Threading: called on an HTTP event loop; must not block. Answers with a stage completed later on the database's
 * executor; completes it exceptionally only when Hotline cannot record it now (the database down, starting), which
 * the webhook answers 503 so that the gateway delivers it again. Implementations are thread-safe.
 */
public interface SmsReceipts {

    /** Records {@code receipt}: what became of it. */
    CompletableFuture<Outcome> received(DeliveryReceipt receipt);

    /** What a receipt changed, answered to the gateway as {@code 200 {"status":"..."}}. */
    enum Outcome {
        /** The sent message is now delivered, or failed. */
        RECORDED,
        /** Its outcome was recorded before (the receipt delivered twice, or a later one): nothing changed. */
        DUPLICATE,
        /** No outbound message has this id: nothing changed (the gateway should stop retrying). */
        UNKNOWN;

        /** The JSON value of {@code status}: the name in lower case. */
        public String json() {
            return switch (this) {
                case RECORDED -> "recorded";
                case DUPLICATE -> "duplicate";
                case UNKNOWN -> "unknown";
            };
        }
    }
}
