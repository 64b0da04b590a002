package io.hotline.app.pbx;

import java.util.Arrays;
import java.util.List;

/**
 * {@code Dial(target,timeout,options)} as app_dial runs it for one target, with the options Hotline's dialplan
 * uses: {@code g} (the caller goes on at the next priority when the callee hangs up) and
 * {@code U(context^arg1^arg2)} (a Gosub to {@code context,s,1} on the CALLEE's channel once it answered, before
 * the bridge, as recording 16 shows). Sets {@code DIALSTATUS}: CHANUNAVAIL (phone not registered or no target),
 * NOANSWER (rang past the timeout), CANCEL (the caller hung up while it rang), ANSWER (connected; also after the
 * callee hung up). Returns HANGUP when the caller's channel is gone: the caller hung up, or the seat did and there
 * is no {@code g}. Ringing and talking use virtual time. Stateless; runs on the caller's dialplan thread.
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
        caller.inheritInto(leg);
        leg.experienced("ringing");
        long answersAt = phone.answerAfterMillis() < 0 ? Long.MAX_VALUE : phone.answerAfterMillis();
        long patience = person == null ? Long.MAX_VALUE : person.ringPatienceMillis();
        if (patience < Math.min(answersAt, timeout)) {
            leg.hangUp("CANCEL");
            caller.hangUp("hung up");
            caller.set("DIALSTATUS", "CANCEL");
            return Applications.Outcome.HANGUP;
        }
        if (answersAt > timeout) {
            leg.hangUp("CANCEL");
            return status(caller, "NOANSWER");
        }
        leg.answer();
        String subroutine = option(options, 'U');
        if (subroutine != null) {
            List<String> parts = Arrays.asList(subroutine.split("\\^", -1));
            pbx.runSubroutine(leg, parts.get(0), parts.subList(1, parts.size()));
        }
        caller.set("DIALSTATUS", "ANSWER");
        caller.experienced("connected to " + leg.name());
        return bridge(caller, person, leg, phone, option(options, 'g') != null);
    }

    private static Applications.Outcome bridge(SimulatedChannel caller, CallerPhone person, SimulatedChannel leg,
                                               SeatPhone phone, boolean goOn) {
        long callerTalks = person == null ? Long.MAX_VALUE : person.talkMillis();
        if (callerTalks == Long.MAX_VALUE && phone.talkMillis() == Long.MAX_VALUE) {
            throw new IllegalStateException("nobody ever hangs up the call of " + caller);
        }
        if (callerTalks < phone.talkMillis()) {
            caller.hangUp("hung up");
            leg.hangUp("BYE from the PBX");
            return Applications.Outcome.HANGUP;
        }
        leg.hangUp("hung up");
        caller.experienced("seat hung up");
        if (goOn) {
            return Applications.Outcome.NEXT;
        }
        caller.hangUp("BYE from the PBX");
        return Applications.Outcome.HANGUP;
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
