package io.hotline.telephony.scripts;

import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.spi.CallControl;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries the routing engine's commands to the AGI session of the caller they concern, keyed by call id (the
 * call's linkedid). A caller is outside AGI while the dialplan dials a seat; an offer made then (the previous
 * seat rang out) waits in a mailbox and is applied the moment the caller re-enters {@code route}. Mailbox
 * entries expire after {@code mailboxTtl}.
 * <p>
 * It also remembers, for {@code mailboxTtl}, which offers the engine withdrew ({@link #cancelOffer}): a seat that
 * answers such an offer late is not connected ({@link AnsweredScript}); and it hands the engine's verdict on any
 * other answer to the {@code answered} session that holds the seat's leg for it ({@link #answerVerdict}). Alone it
 * cannot stop Asterisk ringing a withdrawn offer (the engine holds the caller until the dialplan reports the Dial's
 * end), and it cannot move a live call: {@link #moveToQueue} is refused, logged and journalled as a rejected
 * request. {@code telephony.ami.AmiCallControl} does both over AMI.
 * <p>
 * Thread-safe: the routing thread calls the {@link CallControl} methods, which never block: each hands the
 * command to the session's own event loop. An offer and a caller's registration are handed over under one short
 * lock (map operations only), so an offer made while its caller registers is neither lost nor delivered twice.
 */
public final class WaitingCallers implements CallControl {
    private static final Logger LOG = LoggerFactory.getLogger(WaitingCallers.class);

    private final Map<String, CallWaiter> waiting = new ConcurrentHashMap<>();
    private final Map<String, Pending> mailbox = new ConcurrentHashMap<>();
    private final Map<String, CallWaiter> redirecting = new ConcurrentHashMap<>();
    /** Withdrawn offers (call id and seat id joined by a newline) and when they were withdrawn. */
    private final Map<String, Long> withdrawn = new ConcurrentHashMap<>();
    private final PendingAnswers answers = new PendingAnswers();
    /**
     * Guards the hand-over of an offer: the routing thread's look-up of the waiting caller and its keeping the offer
     * in the mailbox, against a session's registering and emptying the mailbox. Held for map operations only.
     */
    private final Object handOver = new Object();
    private final InstantSource clock;
    private final Duration mailboxTtl;
    private final Consumer<RoutingCommand.RequestRejected> rejections;

    /** A command for a caller who was not in AGI when it came. */
    private record Pending(RoutingCommand.OfferCall offer, long atMillis) {
    }

    /** Callers whose refused commands are only logged. */
    public WaitingCallers(InstantSource clock, Duration mailboxTtl) {
        this(clock, mailboxTtl, rejected -> { });
    }

    /** Callers whose refused commands are logged and handed to {@code rejections} (the journal). */
    public WaitingCallers(InstantSource clock, Duration mailboxTtl,
                          Consumer<RoutingCommand.RequestRejected> rejections) {
        this.clock = clock;
        this.mailboxTtl = mailboxTtl;
        this.rejections = rejections;
    }

    /** Callers waiting in AGI now. */
    public int waiting() {
        return waiting.size();
    }

    /**
     * Registers a waiting caller; a pending offer, if one came while the caller was away, is applied at once.
     *
     * @return false when another session already waits for this call (then this one must not wait)
     */
    boolean register(String callId, CallWaiter waiter) {
        Pending pending;
        synchronized (handOver) {
            if (waiting.putIfAbsent(callId, waiter) != null) {
                return false;
            }
            pending = mailbox.remove(callId);
        }
        if (pending != null && clock.millis() - pending.atMillis() <= mailboxTtl.toMillis()) {
            waiter.executor().execute(() -> waiter.offered(pending.offer()));
        }
        return true;
    }

    /** Removes the caller's registration (routed, hung up, left for a callback). */
    void unregister(String callId, CallWaiter waiter) {
        waiting.remove(callId, waiter);
    }

    /** Forgets anything pending for a call that is over. */
    void forget(String callId) {
        mailbox.remove(callId);
        withdrawn.keySet().removeIf(key -> key.startsWith(callId + "\n"));
    }

    /** Whether the engine withdrew its offer of {@code callId} to {@code seatId} (and has not offered it again). */
    boolean isWithdrawn(String callId, String seatId) {
        return withdrawn.containsKey(callId + "\n" + seatId);
    }

    /** Seats' answers that wait for the engine's verdict ({@link AnsweredScript}). */
    PendingAnswers answers() {
        return answers;
    }

    /**
     * Before an AMI {@code Redirect} of {@code callId}'s caller: its waiting session, if any, stops taking commands
     * and treats the {@code HANGUP} the Redirect causes as the move (recording 20).
     */
    public void redirecting(String callId) {
        CallWaiter waiter = waiting.remove(callId);
        if (waiter != null) {
            redirecting.put(callId, waiter);
            waiter.executor().execute(waiter::redirecting);
        }
    }

    /** The Redirect succeeded: the session ends, Asterisk moves the channel as soon as it is closed. */
    public void redirected(String callId) {
        CallWaiter waiter = redirecting.remove(callId);
        if (waiter != null) {
            waiter.executor().execute(waiter::redirected);
        }
    }

    /** The Redirect failed: the caller waits on in the same session. */
    public void redirectFailed(String callId) {
        CallWaiter waiter = redirecting.remove(callId);
        if (waiter != null) {
            waiter.executor().execute(waiter::redirectFailed);
        }
    }

    /** Refuses a command that cannot be carried out: logged, and journalled as a rejected request. */
    public void refuse(String callId, String reason) {
        LOG.warn("Call {}: {}", callId, reason);
        rejections.accept(new RoutingCommand.RequestRejected(callId, reason));
    }

    /**
     * Hands every caller waiting in AGI to the dialplan's fallback queue (Hotline is stopping) and waits up to
     * {@code timeout} for their sessions to let go; returns how many were handed over. Called once by the
     * lifecycle thread, before the FastAGI server closes and while routing still runs, so that each hand-off is
     * recorded.
     */
    public int handAllToFallback(Duration timeout) {
        List<CallWaiter> handed = List.copyOf(waiting.values());
        for (CallWaiter waiter : handed) {
            waiter.executor().execute(waiter::handToFallback);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (handed.stream().anyMatch(waiting::containsValue) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        if (!handed.isEmpty()) {
            LOG.info("Stopping: {} waiting callers handed to the dialplan's fallback queue", handed.size());
        }
        return handed.size();
    }

    @Override
    public void offer(RoutingCommand.OfferCall offer) {
        withdrawn.remove(offer.callId() + "\n" + offer.seatId());
        CallWaiter waiter;
        // Atomic with register(): a caller registering meanwhile either is found here or finds the offer kept.
        synchronized (handOver) {
            waiter = waiting.get(offer.callId());
            if (waiter == null) {
                long now = clock.millis();
                mailbox.values().removeIf(pending -> now - pending.atMillis() > mailboxTtl.toMillis());
                mailbox.put(offer.callId(), new Pending(offer, now));
            }
        }
        if (waiter != null) {
            waiter.executor().execute(() -> waiter.offered(offer));
            return;
        }
        LOG.debug("Offer of {} to {} kept until the caller re-enters AGI", offer.callId(), offer.seatId());
    }

    @Override
    public void announceWait(RoutingCommand.AnnounceWait announcement) {
        CallWaiter waiter = waiting.get(announcement.callId());
        if (waiter != null) {
            waiter.executor().execute(() -> waiter.announce(announcement));
        }
    }

    @Override
    public void offerCallback(RoutingCommand.OfferCallback offer) {
        CallWaiter waiter = waiting.get(offer.callId());
        if (waiter != null) {
            waiter.executor().execute(() -> waiter.offerCallback(offer));
        }
    }

    @Override
    public void playAfterHours(RoutingCommand.PlayAfterHours afterHours) {
        CallWaiter waiter = waiting.get(afterHours.callId());
        if (waiter != null) {
            waiter.executor().execute(() -> waiter.afterHours(afterHours));
        }
    }

    @Override
    public void cancelOffer(RoutingCommand.CancelOffer cancel) {
        // Without AMI a ringing seat keeps ringing until the dialplan's Dial times out: a late answer from it is
        // turned away (AnsweredScript). An offer still in the mailbox is simply withdrawn.
        long now = clock.millis();
        // A seat rings for seconds: a withdrawal older than the mailbox's lifetime can no longer be answered.
        withdrawn.values().removeIf(at -> now - at > mailboxTtl.toMillis());
        withdrawn.put(cancel.callId() + "\n" + cancel.seatId(), now);
        mailbox.computeIfPresent(cancel.callId(),
                (callId, pending) -> pending.offer().seatId().equals(cancel.seatId()) ? null : pending);
    }

    @Override
    public void answerVerdict(RoutingCommand.AnswerVerdict verdict) {
        answers.decided(verdict);
    }

    @Override
    public void moveToQueue(RoutingCommand.MoveToQueue move) {
        if (move.pbxMoved()) {
            // The seat's blind transfer already took the caller to hotline-escalate: nothing to move.
            LOG.debug("Call {}: already moved to {} by the PBX", move.callId(), move.queue());
            return;
        }
        refuse(move.callId(), "cannot move the live call to queue " + move.queue()
                + ": moving a call needs AMI (HOTLINE_AMI_HOST)");
    }

    /**
     * Without AMI Hotline cannot call anybody: refused visibly (logged and journalled). Hotline does not route
     * callbacks without AMI (its callback scheduler does not start), so this is only reached by a miswiring.
     */
    @Override
    public void dialCallback(RoutingCommand.DialCallback callback) {
        refuse(callback.callId(), "cannot place callback " + callback.callbackId() + " to seat " + callback.seatId()
                + ": calling out needs AMI (HOTLINE_AMI_HOST)");
    }
}
