package io.hotline.telephony.scripts;

import io.hotline.routing.engine.RoutingCommand;
import io.hotline.telephony.agi.AgiCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a waiting caller hears, the way Asterisk's own {@code app_queue} says it ({@code say_position} in
 * {@code apps/app_queue.c}, with its default sounds), so callers hear what they know from any Asterisk queue:
 * <ul>
 *   <li>position 1: {@code queue-youarenext} ("You are now first in line"), then {@code queue-thankyou};
 *       like app_queue, no hold time;</li>
 *   <li>otherwise {@code queue-thereare}, the position ({@code SAY NUMBER}: {@code digits/*}),
 *       {@code queue-callswaiting}; then, when the estimated wait rounds to a minute or more,
 *       {@code queue-holdtime}, the minutes and {@code queue-minute} (1) or {@code queue-minutes}; then
 *       {@code queue-thankyou}.</li>
 * </ul>
 * Minutes are rounded to the nearest, as app_queue does ({@code (seconds + 30) / 60}); an estimate under 30 s or
 * unknown is not announced. Stateless and thread-safe.
 */
final class WaitAnnouncement {
    /** "You are now first in line." */
    static final String YOU_ARE_NEXT = "queue-youarenext";
    /** "There are". */
    static final String THERE_ARE = "queue-thereare";
    /** "calls waiting." */
    static final String CALLS_WAITING = "queue-callswaiting";
    /** "The estimated hold time is currently". */
    static final String HOLD_TIME = "queue-holdtime";
    /** "minute." */
    static final String MINUTE = "queue-minute";
    /** "minutes." */
    static final String MINUTES = "queue-minutes";
    /** "Thank you for your patience." */
    static final String THANK_YOU = "queue-thankyou";
    /**
     * How a missing digit file is reported: {@code SAY NUMBER} plays {@code digits/*} files (which ones depends on
     * the number and the channel's language) and answers {@code 200 result=-1} when one is missing.
     */
    static final String NUMBERS = "digits/* (SAY NUMBER)";
    /** Every sound file an announcement may play besides the digits of {@code SAY NUMBER}. */
    static final List<String> PROMPTS = List.of(YOU_ARE_NEXT, THERE_ARE, CALLS_WAITING, HOLD_TIME, MINUTE, MINUTES,
            THANK_YOU);

    private WaitAnnouncement() {
    }

    /**
     * One part of an announcement: a sound file to play, or a number to say.
     *
     * @param prompt the sound file, or {@code null} for a number
     * @param number the number to say when {@code prompt} is {@code null}
     */
    record Part(String prompt, long number) {

        static Part play(String prompt) {
            return new Part(prompt, 0);
        }

        static Part say(long number) {
            return new Part(null, number);
        }

        /** The AGI command of this part. */
        AgiCommand command() {
            return prompt != null ? AgiCommand.streamFile(prompt, "") : AgiCommand.sayNumber(number);
        }
    }

    /** The parts that announce {@code announcement}, in order, without the music on hold around them. */
    static List<Part> parts(RoutingCommand.AnnounceWait announcement) {
        List<Part> parts = new ArrayList<>();
        if (announcement.position() <= 1) {
            parts.add(Part.play(YOU_ARE_NEXT));
        } else {
            parts.add(Part.play(THERE_ARE));
            parts.add(Part.say(announcement.position()));
            parts.add(Part.play(CALLS_WAITING));
            long minutes = roundedMinutes(announcement.estimatedWait());
            if (minutes > 0) {
                parts.add(Part.play(HOLD_TIME));
                parts.add(Part.say(minutes));
                parts.add(Part.play(minutes == 1 ? MINUTE : MINUTES));
            }
        }
        parts.add(Part.play(THANK_YOU));
        return List.copyOf(parts);
    }

    /** The estimated wait in whole minutes, rounded to the nearest; 0 when unknown or under 30 s. */
    static long roundedMinutes(Duration estimatedWait) {
        if (estimatedWait == null || estimatedWait.isNegative()) {
            return 0;
        }
        return (estimatedWait.toSeconds() + 30) / 60;
    }
}
