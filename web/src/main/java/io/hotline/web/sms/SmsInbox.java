package io.hotline.web.sms;

import java.util.concurrent.CompletableFuture;

/**
 * Where the SMS webhook hands each signed, well-formed inbound message: Hotline stores it first (so nothing is lost
 * once the stage completes, or even when it does not: a stored message not yet processed is processed at start),
 * then parses it, checks the sender and applies the check-in, and answers what became of it. Implemented in
 * {@code app}.
 * <p>
 * Threading: called on an HTTP event loop; must not block. Answers with a stage completed later on another thread
 * (the database's executor, the service desk's); completes it exceptionally only when Hotline cannot take the
 * message now (the database down, an inbox full), which the webhook answers 503 so that the gateway delivers it
 * again. Implementations are thread-safe.
 */
public interface SmsInbox {

    /** Stores and processes {@code sms}; answers accepted, refused or duplicate with the reply for the sender. */
    CompletableFuture<SmsAnswer> received(InboundSms sms);
}
