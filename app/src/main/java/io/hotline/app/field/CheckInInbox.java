package io.hotline.app.field;

import io.hotline.persistence.field.InboundRow;
import io.hotline.persistence.field.SmsMessages;
import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.DeskEvent;
import io.hotline.routing.field.CheckInParser;
import io.hotline.routing.field.FieldCommand;
import io.hotline.routing.field.FieldEvent;
import io.hotline.web.sms.InboundSms;
import io.hotline.web.sms.SmsAnswer;
import io.hotline.web.sms.SmsInbox;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engineers' texts become check-ins: each inbound SMS is stored first ({@code RECEIVED}; a gateway message id seen
 * before is a duplicate and changes nothing), then read ({@link CheckInParser}); a text that is not a check-in gets
 * the reply explaining the format; a check-in goes to the service desk, which accepts it only from the mobile of the
 * engineer assigned to that order and in order, and sends the sender its confirmation or its reason itself. The
 * message is then recorded {@code ACCEPTED} or {@code REJECTED} with the reason. A message stored but not processed
 * when Hotline stopped is processed at the next start ({@link #processLeftovers()}): nothing the gateway was told
 * was received is lost.
 * <p>
 * Thread-safe: the database work runs on the given executor (never an event loop); the desk answers on its thread.
 */
public final class CheckInInbox implements SmsInbox {
    private static final Logger LOG = LoggerFactory.getLogger(CheckInInbox.class);
    private final SmsMessages messages;
    private final Function<DeskEvent, CompletionStage<List<DeskCommand>>> desk;
    private final Executor blocking;
    private final InstantSource clock;

    /**
     * @param messages where SMS are stored
     * @param desk     asks the service desk: the commands exactly this event emitted
     * @param blocking runs the database work
     * @param clock    the desk's clock
     */
    public CheckInInbox(SmsMessages messages, Function<DeskEvent, CompletionStage<List<DeskCommand>>> desk,
                        Executor blocking, InstantSource clock) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.desk = Objects.requireNonNull(desk, "desk");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CompletableFuture<SmsAnswer> received(InboundSms sms) {
        return CompletableFuture.supplyAsync(() -> messages.receive(sms.messageId(), sms.from(), sms.text(),
                sms.sentAt()), blocking).thenCompose(stored -> stored.isEmpty()
                        ? CompletableFuture.completedFuture(SmsAnswer.duplicate("Message " + sms.messageId()
                                + " was received before: nothing changed."))
                        : process(stored.get(), sms.messageId(), sms.from(), sms.text(), sms.sentAt()));
    }

    /** Processes what an earlier run stored but did not process, oldest first. Blocks; call once at start. */
    public int processLeftovers() {
        List<InboundRow> left = messages.unprocessed();
        for (InboundRow row : left) {
            SmsAnswer answer = process(row.id(), row.messageId(), row.from(), row.text(), row.receivedAt()).join();
            LOG.info("Inbound SMS {} left by an earlier run: {}", row.messageId(), answer.status());
        }
        return left.size();
    }

    private CompletableFuture<SmsAnswer> process(long id, String messageId, String from, String text,
                                                 Instant sentAt) {
        CheckInParser.Result parsed = CheckInParser.parse(text);
        if (parsed instanceof CheckInParser.NotUnderstood notUnderstood) {
            return CompletableFuture.supplyAsync(() -> {
                Instant now = clock.instant();
                messages.queue(0, "reply-" + messageId, from, notUnderstood.reply(), now);
                messages.processed(id, false, null, "not understood", now);
                return SmsAnswer.refused(notUnderstood.reply());
            }, blocking);
        }
        CheckInParser.Parsed checkIn = (CheckInParser.Parsed) parsed;
        FieldEvent.CheckedIn event = new FieldEvent.CheckedIn(checkIn.workOrderId(), from, checkIn.kind(),
                checkIn.note(), messageId, sentAt);
        return desk.apply(new DeskEvent.Field(event)).toCompletableFuture()
                .thenApplyAsync(commands -> answer(id, event, commands), blocking);
    }

    /** Records the desk's verdict on the stored message and answers with the text the desk sent the sender. */
    private SmsAnswer answer(long id, FieldEvent.CheckedIn event, List<DeskCommand> commands) {
        String refusal = null;
        String reply = null;
        for (DeskCommand command : commands) {
            if (command instanceof DeskCommand.Refused refused && refusal == null) {
                refusal = refused.reason();
            } else if (command instanceof DeskCommand.Field field && field.command() instanceof FieldCommand.SendSms sms
                    && (sms.key().equals("ack-" + event.messageId()) || sms.key().equals("reply-"
                    + event.messageId()))) {
                reply = sms.body();
            }
        }
        Instant now = clock.instant();
        messages.processed(id, refusal == null, event.workOrderId(), refusal, now);
        if (refusal != null) {
            return SmsAnswer.refused(reply == null ? refusal : reply);
        }
        return SmsAnswer.accepted(reply == null ? event.kind() + " " + event.workOrderId() + " recorded" : reply);
    }
}
