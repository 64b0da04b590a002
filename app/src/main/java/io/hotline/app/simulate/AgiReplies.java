package io.hotline.app.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * What Asterisk 22 answers to each FastAGI command Hotline sends, as the recordings show (scenarios 11, 12, 16,
 * 18): {@code GET VARIABLE} reads the channel ({@code 200 result=1 (value)} or {@code 200 result=0}),
 * {@code SET VARIABLE} sets it, {@code STREAM FILE}/{@code WAIT FOR DIGIT} return the key the person presses
 * (its ASCII code), {@code SET MUSIC}, {@code SAY NUMBER} and the like are heard, media commands on a dead channel
 * get {@code 511}, unknown commands {@code 510}. Installed prompts are the ones {@link SimulatedAsterisk} knows;
 * a missing one gets {@code 200 result=-1 endpos=0} as in recording 12. One per AGI session; dialplan thread only.
 */
final class AgiReplies {
    private static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine\n";

    private final SimulatedChannel channel;
    private final Substitution substitution;
    private final CallerPhone person;
    private final SimulatedAsterisk pbx;
    private Character pendingKey;

    AgiReplies(SimulatedChannel channel, Substitution substitution, CallerPhone person, SimulatedAsterisk pbx) {
        this.channel = channel;
        this.substitution = substitution;
        this.person = person;
        this.pbx = pbx;
    }

    /** The reply line(s) to {@code command}; may hang the channel up (the person left on hearing music). */
    String reply(String command, AgiLeg leg) {
        List<String> words = words(command);
        String verb = words.isEmpty() ? "" : words.get(0) + (words.size() > 1 ? " " + words.get(1) : "");
        // After an AMI Redirect the session goes on, but media commands are refused as on a dead channel (rec. 20).
        boolean dead = channel.isHungUp() || channel.isRedirected();
        return switch (verb) {
            case "GET VARIABLE" -> {
                String value = substitution.lookup(words.get(2), channel);
                yield value == null ? "200 result=0\n" : "200 result=1 (" + value + ")\n";
            }
            case "GET FULL" -> "200 result=1 (" + substitution.expand(words.get(3), channel) + ")\n";
            case "SET VARIABLE" -> {
                channel.set(words.get(2), words.get(3));
                yield "200 result=1\n";
            }
            case "STREAM FILE" -> dead ? DEAD : streamFile(words.get(2), words.size() > 3 ? words.get(3) : "");
            case "WAIT FOR" -> dead ? DEAD : "200 result=" + takeKey() + "\n";
            case "SET MUSIC" -> dead ? DEAD : music(words.get(2));
            case "SAY NUMBER" -> {
                if (dead) {
                    yield DEAD;
                }
                channel.experienced("heard number " + words.get(2));
                yield "200 result=0\n";
            }
            case "CHANNEL STATUS" -> "200 result=" + (channel.isUp() ? 6 : 4) + "\n";
            default -> other(words, dead);
        };
    }

    private String other(List<String> words, boolean dead) {
        String verb = words.isEmpty() ? "" : words.get(0);
        return switch (verb) {
            case "VERBOSE" -> "200 result=1\n";
            case "NOOP" -> "200 result=0\n";
            case "ANSWER" -> {
                if (dead) {
                    yield DEAD;
                }
                channel.answer();
                yield "200 result=0\n";
            }
            case "HANGUP" -> {
                channel.hangUp("BYE from the PBX");
                yield "200 result=1\n";
            }
            default -> "510 Invalid or unknown command\n";
        };
    }

    private String streamFile(String file, String escapeDigits) {
        if (!pbx.hasPrompt(file)) {
            channel.experienced("missing prompt " + file);
            return "200 result=-1 endpos=0\n";
        }
        channel.experienced("heard " + file);
        Character key = person == null ? null : person.keys().get(file);
        if (key != null && escapeDigits.indexOf(key) >= 0) {
            return "200 result=" + (int) key + " endpos=8000\n";
        }
        if (key != null) {
            pendingKey = key;
        }
        return "200 result=0 endpos=16000\n";
    }

    private int takeKey() {
        Character key = pendingKey;
        pendingKey = null;
        return key == null ? 0 : key;
    }

    private String music(String onOff) {
        if ("ON".equalsIgnoreCase(onOff)) {
            channel.experienced("music on hold");
            channel.onHold(true);
            if (person != null && person.holdPatienceMillis() == 0) {
                channel.hangUp("hung up");
            } else if (person != null) {
                pbx.holdPatience(channel, person.holdPatienceMillis());
            }
        } else {
            channel.experienced("music off");
            channel.onHold(false);
        }
        return "200 result=0\n";
    }

    /** Splits a command line as res_agi's parse_args does: spaces separate, double quotes group, \ escapes. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '\\' && i + 1 < command.length()) {
                word.append(command.charAt(++i));
                inWord = true;
            } else if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (c == ' ' && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
