package io.hotline.app.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * Places callers on the trunk at random times (a Poisson process at {@link SimulationSettings.Load#callsPerMinute})
 * until the duration is over or the most callers have called. Each caller is drawn afresh: a mobile number, how long
 * they wait on hold, whether they leave the conversation first, whether and how they rate the service, what they
 * choose after hours. Runs on the calling thread (sleeping between arrivals); each call on its own thread.
 */
final class CallerArrivals {
    private static final String SURVEY_PROMPT = "hotline/survey-prompt";
    private static final String AFTER_HOURS_CHOICE = "hotline/press-1-callback-2-voicemail";
    private final SimulatedAsterisk pbx;
    private final SimulationSettings settings;
    private final Random random;
    private final Narrator narrator;

    CallerArrivals(SimulatedAsterisk pbx, SimulationSettings settings, Random random, Narrator narrator) {
        this.pbx = pbx;
        this.settings = settings;
        this.random = random;
        this.narrator = narrator;
    }

    /** Places the callers; {@code done} hears of each finished call. Returns every call placed. */
    List<SimulatedAsterisk.Call> play(BiConsumer<SimulatedChannel, Throwable> done) throws InterruptedException {
        SimulationSettings.Load load = settings.load();
        long end = System.currentTimeMillis() + load.duration().toMillis();
        double meanGapMillis = 60_000 / load.callsPerMinute();
        List<SimulatedAsterisk.Call> calls = new ArrayList<>();
        narrator.say(String.format(Locale.ROOT, "callers arrive for %d s, about %.1f a minute, at most %d",
                load.duration().toSeconds(), load.callsPerMinute(), load.maxCallers()));
        long next = System.currentTimeMillis();
        while (calls.size() < load.maxCallers()) {
            next += (long) (-Math.log(1 - random.nextDouble()) * meanGapMillis);
            if (next >= end) {
                break;
            }
            Thread.sleep(Math.max(0, next - System.currentTimeMillis()));
            SimulatedAsterisk.Call call = pbx.call(caller(calls.size() + 1), "hotline-inbound", load.dnis());
            call.finished().whenComplete(done);
            calls.add(call);
        }
        Thread.sleep(Math.max(0, end - System.currentTimeMillis()));
        return calls;
    }

    private CallerPhone caller(int index) {
        SimulationSettings.People people = settings.people();
        String number = String.format(Locale.ROOT, "+8613%09d", random.nextInt(1_000_000_000));
        CallerPhone caller = CallerPhone.customer(number, "Caller " + index)
                .waitingOnHoldFor(Math.max(1_000, (long) (-Math.log(1 - random.nextDouble())
                        * people.patience().toMillis())))
                .pressing(AFTER_HOURS_CHOICE, random.nextBoolean() ? '1' : '2');
        if (random.nextDouble() < 0.2) {
            // This caller may say goodbye before the seat does: no survey then.
            caller = caller.talkingFor(people.talk().toMillis() / 2 + (long) (random.nextDouble()
                    * people.talk().toMillis()));
        }
        if (random.nextDouble() < people.surveyShare()) {
            caller = caller.pressing(SURVEY_PROMPT, score());
        }
        return caller;
    }

    /** Mostly satisfied callers: 5 and 4 most often. */
    private char score() {
        double draw = random.nextDouble();
        return draw < 0.45 ? '5' : draw < 0.8 ? '4' : draw < 0.9 ? '3' : draw < 0.96 ? '2' : '1';
    }
}
