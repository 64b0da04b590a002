package io.hotline.app.simulate;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code Dial(target,timeout,options)} as app_dial runs it for one target, with the options Hotline's dialplan
 * uses: {@code g} (the caller goes on at the next priority when the callee hangs up) and
 * {@code U(context^arg1^arg2)} (a Gosub to {@code context,s,1} on the CALLEE's channel once it answered, before
 * the bridge, as recording 16 shows). Sets {@code DIALSTATUS}: CHANUNAVAIL (phone not registered or no target),
 * NOANSWER (rang past the timeout), CANCEL (the caller hung up while it rang), ANSWER (connected; also after the
 * callee hung up). A seat may blind-transfer the caller instead of hanging up: the caller then goes on where the
 * transfer points. Returns HANGUP when the caller's channel is gone: the caller hung up, or the seat did and there
 * is no {@code g}. Ringing and talking take the PBX's time ({@link SimulatedAsterisk#pause}): an AMI Hangup of the
 * ringing leg ends the Dial with CHANUNAVAIL (recording 17), an AMI Redirect of the caller leaves it. Stateless;
 * runs on the caller's dialplan thread.
 */
final class DialApplication {
    private final SimulatedAsterisk pbx;

    DialApplication(SimulatedAsterisk pbx) {
        this.pbx = pbx;
    }

    Applications.Outcome run(SimulatedChannel caller, CallerPhone person, List<String> args) {
        String target = args.get(0);
        long timeout = args.size() > 1 && !args.get(1).isBlank() ? Long.parseLong(args.get(1).trim()) * 1000
                : Long.MAX_VALUE;
        String options = args.size() > 2 ? args.get(2) : "";
        caller.experienced("dialling " + target);
        pbx.dialling(target);
        SeatPhone phone = pbx.phone(target);
        if (phone == null || !phone.reachable()) {
            return status(caller, "CHANUNAVAIL");
        }
        SimulatedChannel leg = pbx.newChannel(phone.endpoint(), phone.number(), phone.displayName(), null,
                caller.linkedId());
        leg.moveTo(SeatPhone.ENDPOINT_CONTEXT, "s", "s", 1);
        caller.inheritInto(leg);
        PbxListener listener = pbx.listener();
        listener.channelCreated(leg);
        listener.dialBegan(caller, leg, target);
        leg.experienced("ringing");
        listener.channelRinging(leg);
        long answersAt = phone.answerAfterMillis() < 0 ? Long.MAX_VALUE : phone.answerAfterMillis();
        long patience = person == null ? Long.MAX_VALUE : person.ringPatienceMillis();
        long rings = Math.min(patience, Math.min(answersAt, timeout));
        if (pbx.pause(rings, leg, caller)) {
            return interruptedRinging(caller, leg);
        }
        if (patience < Math.min(answersAt, timeout)) {
            endLeg(caller, leg, "CANCEL");
            caller.hangUp("hung up");
            caller.set("DIALSTATUS", "CANCEL");
            return Applications.Outcome.HANGUP;
        }
        if (answersAt > timeout) {
            endLeg(caller, leg, "NOANSWER");
            return status(caller, "NOANSWER");
        }
        leg.answer();
        String subroutine = option(options, 'U');
        if (subroutine != null) {
            List<String> parts = Arrays.asList(subroutine.split("\\^", -1));
            pbx.runSubroutine(leg, parts.get(0), parts.subList(1, parts.size()));
        }
        caller.set("DIALSTATUS", "ANSWER");
        listener.dialEnded(caller, leg, "ANSWER");
        caller.experienced("connected to " + leg.name());
        listener.bridged(caller, leg);
        return bridge(caller, person, leg, phone, option(options, 'g') != null);
    }

    /**
     * The ringing ended early: an AMI Hangup of the seat's leg (recording 17: Dial returns CHANUNAVAIL), or the
     * caller hung up or was redirected meanwhile (the leg is cancelled).
     */
    private Applications.Outcome interruptedRinging(SimulatedChannel caller, SimulatedChannel leg) {
        if (caller.isHungUp() || caller.isRedirected()) {
            endLeg(caller, leg, "CANCEL");
            caller.set("DIALSTATUS", "CANCEL");
            return caller.isHungUp() ? Applications.Outcome.HANGUP : Applications.Outcome.JUMPED;
        }
        pbx.listener().dialEnded(caller, leg, "CHANUNAVAIL");
        return status(caller, "CHANUNAVAIL");
    }

    private void endLeg(SimulatedChannel caller, SimulatedChannel leg, String status) {
        pbx.listener().dialEnded(caller, leg, status);
        leg.hangUp("CANCEL", "NOANSWER".equals(status) ? 19 : 16);
    }

    private Applications.Outcome bridge(SimulatedChannel caller, CallerPhone person, SimulatedChannel leg,
                                        SeatPhone phone, boolean goOn) {
        long callerTalks = person == null ? Long.MAX_VALUE : person.talkMillis();
        if (callerTalks == Long.MAX_VALUE && phone.talkMillis() == Long.MAX_VALUE) {
            throw new IllegalStateException("nobody ever hangs up the call of " + caller);
        }
        if (pbx.pause(Math.min(callerTalks, phone.talkMillis()), caller, leg) && !leg.isHungUp()) {
            // The caller hung up or was redirected (AMI) during the conversation: the seat's leg ends.
            leg.hangUp("BYE from the PBX");
            return caller.isHungUp() ? Applications.Outcome.HANGUP : Applications.Outcome.JUMPED;
        }
        if (!leg.isHungUp() && callerTalks < phone.talkMillis()) {
            caller.hangUp("hung up");
            leg.hangUp("BYE from the PBX");
            return Applications.Outcome.HANGUP;
        }
        if (!leg.isHungUp() && phone.transferTo() != null && blindTransfer(caller, leg, phone.transferTo())) {
            return Applications.Outcome.JUMPED;
        }
        leg.hangUp("hung up");
        caller.experienced("seat hung up");
        if (goOn) {
            return Applications.Outcome.NEXT;
        }
        caller.hangUp("BYE from the PBX");
        return Applications.Outcome.HANGUP;
    }

    /**
     * A blind transfer by the seat, as res_pjsip_refer does it: the target is looked up in the seat channel's
     * TRANSFER_CONTEXT (else its endpoint's context); the caller leaves Dial and continues there; the seat's leg
     * ends. A target that does not exist is refused ({@code false}): the seat then hangs up instead.
     */
    private boolean blindTransfer(SimulatedChannel caller, SimulatedChannel leg, String exten) {
        String context = leg.variable("TRANSFER_CONTEXT") != null ? leg.variable("TRANSFER_CONTEXT")
                : SeatPhone.ENDPOINT_CONTEXT;
        Optional<Dialplan.Match> target = pbx.dialplan().match(context, exten);
        if (target.isEmpty()) {
            leg.experienced("transfer to " + exten + " refused: not in " + context);
            return false;
        }
        leg.hangUp("transferred the caller to " + exten);
        caller.experienced("transferred to " + exten);
        caller.moveTo(target.get().context(), target.get().extension(), exten, 1);
        return true;
    }

    private static Applications.Outcome status(SimulatedChannel caller, String status) {
        caller.set("DIALSTATUS", status);
        return Applications.Outcome.NEXT;
    }

    /** The option's argument ("" when it has none), or {@code null} when the option is absent. */
    static String option(String options, char letter) {
        for (int i = 0; i < options.length(); i++) {
            char c = options.charAt(i);
            String argument = "";
            if (i + 1 < options.length() && options.charAt(i + 1) == '(') {
                int close = options.indexOf(')', i);
                argument = options.substring(i + 2, close);
                if (c == letter) {
                    return argument;
                }
                i = close;
            } else if (c == letter) {
                return argument;
            }
        }
        return null;
    }
}
