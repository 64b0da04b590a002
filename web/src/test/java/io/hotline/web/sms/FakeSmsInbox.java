package io.hotline.web.sms;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link SmsInbox} as app's behaves on the wire: a message id seen before is a duplicate, a text starting with
 * {@code ARRIVE} or {@code DONE} is accepted, anything else refused. {@link #mode} makes it fail, throw or never
 * answer. Records every message it was handed. Thread-safe.
 */
final class FakeSmsInbox implements SmsInbox {

    /** How the next messages are answered. */
    enum Mode { ANSWER, FAIL, THROW, HANG, NULL }

    final List<InboundSms> received = new CopyOnWriteArrayList<>();
    final List<CompletableFuture<SmsAnswer>> hanging = new CopyOnWriteArrayList<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    volatile Mode mode = Mode.ANSWER;

    @Override
    public CompletableFuture<SmsAnswer> received(InboundSms sms) {
        received.add(sms);
        switch (mode) {
            case FAIL:
                return CompletableFuture.failedFuture(new IllegalStateException("database down"));
            case THROW:
                throw new IllegalStateException("inbox full");
            case HANG:
                CompletableFuture<SmsAnswer> never = new CompletableFuture<>();
                hanging.add(never);
                return never;
            case NULL:
                return null;
            default:
                break;
        }
        if (!seen.add(sms.messageId())) {
            return CompletableFuture.completedFuture(SmsAnswer.duplicate(""));
        }
        String text = sms.text().strip().toUpperCase();
        // Completed on another thread, as app's answer is.
        return CompletableFuture.supplyAsync(() -> text.startsWith("ARRIVE") || text.startsWith("DONE")
                ? SmsAnswer.accepted("Hotline: got it, " + sms.text().strip())
                : SmsAnswer.refused("Hotline: not understood."));
    }
}
