package io.hotline.telephony.ami;

import io.hotline.routing.callback.CallbackOutcome;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.spi.CallControl;
import io.hotline.telephony.scripts.WaitingCallers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing engine's {@link CallControl} when Hotline follows Asterisk over AMI: what reaches a caller inside AGI
 * goes to {@link WaitingCallers}; what only AMI can do is done here.
 * <ul>
 *   <li>{@link #cancelOffer}: the withdrawn offer's ringing seat leg (from {@code DialBegin}'s {@code DestChannel},
 *       {@link PbxView#withdrawOffer}) gets an AMI {@code Hangup}; the caller's Dial returns
 *       {@code DIALSTATUS=CHANUNAVAIL} and the caller re-enters {@code route} for the next seat (recording 17).</li>
 *   <li>{@link #moveToQueue}: the caller's channel gets an AMI {@code Redirect} to
 *       {@code hotline-escalate,<queue>,1}; a caller waiting in a {@code route} session moves only once that session
 *       is closed (recordings 04a, 20), so the session ends when Asterisk accepted the Redirect. A move the PBX
 *       already made (the seat's blind transfer, {@link RoutingCommand.MoveToQueue#pbxMoved()}) sends nothing. A
 *       move that cannot be made is refused visibly ({@link WaitingCallers#refuse}).</li>
 *   <li>{@link #dialCallback}: an AMI {@code Originate} of the seat's phone into {@code hotline-callback,s,1}
 *       ({@link #CALLBACK_CONTEXT}), which dials the customer once the seat answers; the seat's leg is named
 *       {@code <call id>-<offer>} ({@code ChannelId}), and a withdrawn offer hangs that leg up by that id. A callback
 *       that cannot be placed (AMI down, Asterisk refused the originate, not a dialable number) is reported to routing
 *       as {@link RoutingEvent.CallbackDialled} {@code FAILED} and refused visibly.</li>
 * </ul>
 * The connections are attached once started ({@link #attach}); until then the AMI actions are skipped (logged).
 * Thread-safe: called on the routing thread, never blocks; the actions complete on the connections' threads.
 */
public final class AmiCallControl implements CallControl {
    /** The dialplan context whose extensions are the escalation queues ({@code docs/asterisk/extensions.conf}). */
    public static final String ESCALATE_CONTEXT = "hotline-escalate";
    /** The dialplan context a callback's seat leg runs once answered ({@code docs/asterisk/extensions.conf}). */
    public static final String CALLBACK_CONTEXT = "hotline-callback";
    private static final Logger LOG = LoggerFactory.getLogger(AmiCallControl.class);

    private final WaitingCallers callers;
    private volatile PbxView view;
    private volatile Map<String, AmiConnection> connections = Map.of();
    /** Callback attempts whose seat leg Hotline originated, by call id: the leg to hang up when the offer ends. */
    private final Map<String, PbxView.Leg> callbackLegs = new ConcurrentHashMap<>();

    /** Carries commands to {@code callers}, and AMI actions once {@link #attach}ed. */
    public AmiCallControl(WaitingCallers callers) {
        this.callers = Objects.requireNonNull(callers, "callers");
    }

    /** Starts sending AMI actions over {@code serverConnections}, about the channels {@code pbxView} follows. */
    public void attach(PbxView pbxView, List<AmiConnection> serverConnections) {
        this.connections = serverConnections.stream()
                .collect(Collectors.toUnmodifiableMap(AmiConnection::server, Function.identity()));
        pbxView.onLateWithdrawal(this::hangUp);
        this.view = pbxView;
    }

    @Override
    public void offer(RoutingCommand.OfferCall offer) {
        PbxView pbx = view;
        if (pbx != null) {
            pbx.offered(offer.callId(), offer.seatId());
        }
        callers.offer(offer);
    }

    @Override
    public void cancelOffer(RoutingCommand.CancelOffer cancel) {
        PbxView.Leg callbackLeg = callbackLegs.remove(cancel.callId());
        if (callbackLeg != null) {
            hangUp(callbackLeg);
            return;
        }
        callers.cancelOffer(cancel);
        PbxView pbx = view;
        if (pbx == null) {
            LOG.warn("Call {}: AMI not started, the withdrawn offer to {} rings until Dial times out",
                    cancel.callId(), cancel.seatId());
            return;
        }
        pbx.withdrawOffer(cancel.callId(), cancel.seatId()).ifPresent(this::hangUp);
    }

    @Override
    public void announceWait(RoutingCommand.AnnounceWait announcement) {
        callers.announceWait(announcement);
    }

    @Override
    public void offerCallback(RoutingCommand.OfferCallback offer) {
        callers.offerCallback(offer);
    }

    @Override
    public void playAfterHours(RoutingCommand.PlayAfterHours afterHours) {
        callers.playAfterHours(afterHours);
    }

    @Override
    public void dialCallback(RoutingCommand.DialCallback dial) {
        PbxView pbx = view;
        AmiConnection connection = connections.values().stream().filter(AmiConnection::isConnected).findFirst()
                .orElse(null);
        if (!CallbackDialPlan.dialable(dial.number())) {
            callbackFailed(pbx, dial, "the number is not dialable: " + dial.number());
            return;
        }
        if (connection == null) {
            callbackFailed(pbx, dial, "AMI is not connected");
            return;
        }
        PbxView.Leg leg = new PbxView.Leg(connection.server(), dial.callId() + "-" + dial.offer());
        callbackLegs.put(dial.callId(), leg);
        connection.originate(CallbackDialPlan.originate(dial, leg.channel())).whenComplete((response, error) -> {
            if (error == null && succeeded(response)) {
                LOG.info("Callback {} attempt {}: ringing seat {} ({}) as {}", dial.callbackId(), dial.attempt(),
                        dial.seatId(), dial.dialString(), leg.channel());
            } else {
                callbackLegs.remove(dial.callId(), leg);
                callbackFailed(view, dial, "AMI Originate of " + dial.dialString() + " failed: "
                        + (error != null ? error.toString() : response.getMessage()));
            }
        });
    }

    private void callbackFailed(PbxView pbx, RoutingCommand.DialCallback dial, String reason) {
        callers.refuse(dial.callId(), "cannot place callback " + dial.callbackId() + " to seat " + dial.seatId()
                + ": " + reason);
        RoutingEvent failed = new RoutingEvent.CallbackDialled(dial.callId(), dial.seatId(),
                CallbackOutcome.FAILED, Duration.ZERO);
        if (pbx == null || !pbx.report(failed)) {
            LOG.warn("Call {}: routing was not told that the callback failed; its offer rings out", dial.callId());
        }
    }

    @Override
    public void answerVerdict(RoutingCommand.AnswerVerdict verdict) {
        callbackLegs.remove(verdict.callId());
        callers.answerVerdict(verdict);
    }

    /**
     * Whether {@link #moveToQueue} could move call {@code callId} now: its caller's channel is known over AMI and
     * that server's connection is up. Asked before a person's escalation of a caller on the line, so that it is
     * refused rather than taken off the seat by routing while Asterisk keeps the caller bridged. Thread-safe.
     */
    public boolean canMove(String callId) {
        PbxView pbx = view;
        PbxView.Leg caller = pbx == null ? null : pbx.callerChannel(callId).orElse(null);
        AmiConnection connection = caller == null ? null : connections.get(caller.server());
        return connection != null && connection.isConnected();
    }

    @Override
    public void moveToQueue(RoutingCommand.MoveToQueue move) {
        if (move.pbxMoved()) {
            callers.moveToQueue(move);
            return;
        }
        PbxView pbx = view;
        PbxView.Leg caller = pbx == null ? null : pbx.callerChannel(move.callId()).orElse(null);
        AmiConnection connection = caller == null ? null : connections.get(caller.server());
        if (connection == null || !connection.isConnected()) {
            callers.refuse(move.callId(), "cannot move the live call to queue " + move.queue() + ": "
                    + (caller == null ? "its caller channel is not known over AMI" : "AMI is not connected"));
            return;
        }
        callers.redirecting(move.callId());
        connection.redirect(caller.channel(), ESCALATE_CONTEXT, move.queue()).whenComplete((response, error) -> {
            if (error == null && succeeded(response)) {
                LOG.info("Call {}: {} redirected to {},{},1", move.callId(), caller.channel(), ESCALATE_CONTEXT,
                        move.queue());
                callers.redirected(move.callId());
            } else {
                callers.redirectFailed(move.callId());
                callers.refuse(move.callId(), "AMI Redirect of " + caller.channel() + " to " + ESCALATE_CONTEXT + ","
                        + move.queue() + ",1 failed: " + (error != null ? error.toString() : response.getMessage()));
            }
        });
    }

    private void hangUp(PbxView.Leg leg) {
        AmiConnection connection = connections.get(leg.server());
        if (connection == null) {
            return;
        }
        connection.hangup(leg.channel()).whenComplete((response, error) -> {
            if (error == null && succeeded(response)) {
                LOG.debug("AMI {}: hung up the withdrawn offer's leg {}", leg.server(), leg.channel());
            } else {
                // Usually the leg ended by itself in the meantime (answered and turned away, or rung out).
                LOG.info("AMI {}: Hangup of {} failed: {}", leg.server(), leg.channel(),
                        error != null ? error.toString() : response.getMessage());
            }
        });
    }

    private static boolean succeeded(ManagerResponse response) {
        return response != null && "Success".equalsIgnoreCase(response.getResponse());
    }
}
