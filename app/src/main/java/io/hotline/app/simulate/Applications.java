package io.hotline.app.simulate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dialplan applications Hotline's dialplan uses, as Asterisk 22 runs them: Answer, NoOp, Set, AGI, Goto,
 * GotoIf, Gosub, Return, Dial ({@link DialApplication}), Playback, Read, Queue, VoiceMail, Hangup. Each gets its
 * data already substituted and says where the channel goes next. An application the simulation does not know
 * fails the test. Stateless; runs on the channel's dialplan thread.
 */
final class Applications {
    /** Where the PBX goes after an application. */
    enum Outcome {
        /** The next priority. */
        NEXT,
        /** The application moved the channel (Goto, Gosub, Return). */
        JUMPED,
        /** The channel hung up (or was hung up): the PBX stops and runs the h extension. */
        HANGUP,
        /** Return() from the subroutine an application (Dial's U option) ran: back to that application. */
        RETURNED
    }

    private final SimulatedAsterisk pbx;
    private final DialApplication dial;

    Applications(SimulatedAsterisk pbx) {
        this.pbx = pbx;
        this.dial = new DialApplication(pbx);
    }

    Outcome run(String application, String data, SimulatedChannel channel, CallerPhone person) {
        List<String> args = arguments(data);
        return switch (application) {
            case "Answer" -> {
                channel.answer();
                yield Outcome.NEXT;
            }
            case "NoOp" -> Outcome.NEXT;
            case "Set" -> {
                channel.set(data.substring(0, data.indexOf('=')), data.substring(data.indexOf('=') + 1));
                yield Outcome.NEXT;
            }
            case "AGI" -> new AgiLeg(channel, new AgiReplies(channel, pbx.substitution(), person, pbx),
                    pbx.isRealTime())
                    .run(args.get(0), args.subList(1, args.size())) ? Outcome.NEXT : Outcome.HANGUP;
            case "Goto" -> jump(channel, args);
            case "GotoIf" -> gotoIf(channel, data);
            case "Gosub" -> gosub(channel, data);
            case "Return" -> giveBack(channel);
            case "Dial" -> dial.run(channel, person, args);
            case "Playback", "Read", "Queue", "VoiceMail", "Hangup" -> media(application, args, channel, person);
            default -> throw new IllegalArgumentException("application " + application + " is not simulated");
        };
    }

    private Outcome media(String application, List<String> args, SimulatedChannel channel, CallerPhone person) {
        if (channel.isHungUp()) {
            return Outcome.HANGUP;
        }
        switch (application) {
            case "Playback" -> {
                channel.answer();
                channel.experienced(pbx.hasPrompt(args.get(0)) ? "heard " + args.get(0)
                        : "missing prompt " + args.get(0));
            }
            case "Read" -> {
                channel.answer();
                channel.experienced("heard " + args.get(1));
                Character key = person == null ? null : person.keys().get(args.get(1));
                channel.set(args.get(0), key == null ? "" : key.toString());
            }
            case "Queue" -> {
                // app_queue serves the caller; the simulated caller talks to a fallback member and leaves.
                channel.experienced("queued in " + args.get(0));
                channel.hangUp("hung up");
                return Outcome.HANGUP;
            }
            case "VoiceMail" -> {
                channel.experienced("voicemail " + args.get(0));
                channel.hangUp("hung up");
                return Outcome.HANGUP;
            }
            default -> {
                // Hangup(): on an answered channel a BYE; on an unanswered one a final error (recording 18b: 603).
                channel.hangUp(channel.isUp() ? "BYE from the PBX" : "SIP 603 Decline");
                return Outcome.HANGUP;
            }
        }
        return Outcome.NEXT;
    }

    /** Goto([[context,]exten,]priority-or-label). */
    private Outcome jump(SimulatedChannel channel, List<String> args) {
        String context = args.size() == 3 ? args.get(0) : channel.context();
        String exten = args.size() >= 2 ? args.get(args.size() - 2) : channel.exten();
        Dialplan.Match target = args.size() >= 2 ? pbx.dialplan().match(context, exten)
                .orElseThrow(() -> new IllegalArgumentException("Goto to nowhere: " + args))
                : new Dialplan.Match(channel.context(), channel.extension());
        channel.moveTo(target.context(), target.extension(), exten,
                pbx.dialplan().priority(target, args.get(args.size() - 1)));
        return Outcome.JUMPED;
    }

    /** GotoIf(condition?[labeliftrue][:labeliffalse]). */
    private Outcome gotoIf(SimulatedChannel channel, String data) {
        int question = data.indexOf('?');
        String condition = data.substring(0, question).trim();
        String[] branches = data.substring(question + 1).split(":", -1);
        boolean truth = !condition.isEmpty() && !"0".equals(condition);
        String branch = truth ? branches[0] : branches.length > 1 ? branches[1] : "";
        return branch.isEmpty() ? Outcome.NEXT : jump(channel, arguments(branch));
    }

    /** Gosub([[context,]exten,]priority[(arg1[,...])]). */
    private Outcome gosub(SimulatedChannel channel, String data) {
        int open = data.indexOf('(');
        List<String> values = open < 0 ? List.of() : arguments(data.substring(open + 1, data.lastIndexOf(')')));
        List<String> target = arguments(open < 0 ? data : data.substring(0, open));
        channel.frames().push(new SimulatedChannel.Frame(channel.context(), channel.extension(), channel.exten(),
                channel.priority() + 1, setArguments(channel, values)));
        return jump(channel, target);
    }

    /** Sets ARG1..ARGn for a subroutine; returns the ARGn values it replaced. */
    static Map<String, String> setArguments(SimulatedChannel channel, List<String> values) {
        Map<String, String> saved = new HashMap<>();
        for (int i = 1; i <= Math.max(values.size(), 9); i++) {
            String name = "ARG" + i;
            if (channel.variable(name) != null) {
                saved.put(name, channel.variable(name));
            }
            channel.set(name, i <= values.size() ? values.get(i - 1) : null);
        }
        return saved;
    }

    private static Outcome giveBack(SimulatedChannel channel) {
        SimulatedChannel.Frame frame = channel.frames().pop();
        for (int i = 1; i <= 9; i++) {
            channel.set("ARG" + i, frame.arguments().get("ARG" + i));
        }
        if (frame.context() == null) {
            return Outcome.RETURNED;
        }
        channel.moveTo(frame.context(), frame.extension(), frame.exten(), frame.priority());
        return Outcome.JUMPED;
    }

    /** Splits application data on top-level commas, as AST_STANDARD_APP_ARGS does (parentheses nest). */
    static List<String> arguments(String data) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(data.substring(start, i));
                start = i + 1;
            }
        }
        args.add(data.substring(start));
        return args;
    }
}
