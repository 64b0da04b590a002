package io.hotline.app.simulate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The agents at the seats' softphones: they log in from the keypad ({@code *21} through the dialplan's
 * {@code [hotline-seats]} context, so over FastAGI as Asterisk would), answer a ringing phone after a human delay,
 * talk, hang up, wrap up and press {@code *24} to be ready again, and log out ({@code *22}) at the end. Each Dial
 * asks {@link #phone} for the phone it rings, with the answer delay and talk time of that call drawn afresh. A
 * phone Hotline does not know as a seat (its login is refused) is left out. Thread-safe: the seats logged in are a
 * concurrent set; draws use a thread-safe {@link Random}.
 */
final class SimulatedSeats implements PbxListener {
    private static final Duration FEATURE_CODE_LIMIT = Duration.ofSeconds(20);
    private final SimulatedAsterisk pbx;
    private final SimulationSettings.People people;
    private final Narrator narrator;
    private final Tally tally;
    private final Random random;
    private final ScheduledExecutorService timers;
    private final Set<String> loggedIn = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> talking = new ConcurrentHashMap<>();
    private volatile boolean closing;

    SimulatedSeats(SimulatedAsterisk pbx, SimulationSettings.People people, Narrator narrator, Tally tally,
                   Random random, ScheduledExecutorService timers) {
        this.pbx = pbx;
        this.people = people;
        this.narrator = narrator;
        this.tally = tally;
        this.random = random;
        this.timers = timers;
    }

    /** Logs each phone in with {@code *21}; returns how many Hotline accepted. */
    int logIn(List<String> endpoints) throws InterruptedException {
        for (String endpoint : endpoints) {
            String result = dial(endpoint, "*21");
            if ("OK".equals(result)) {
                loggedIn.add(endpoint);
                tally.seatLoggedIn();
                narrator.say("seat " + Narrator.seatName(endpoint) + " logs in (*21): Hotline answers beep");
            } else {
                narrator.say("phone " + endpoint + " dialled *21: Hotline refused (" + (result == null
                        ? "no answer" : result) + "), left out");
            }
        }
        return loggedIn.size();
    }

    /** Logs every seat out with {@code *22}; no more wrap-ups start. */
    void logOut() throws InterruptedException {
        closing = true;
        for (String endpoint : loggedIn) {
            String result = dial(endpoint, "*22");
            narrator.say("seat " + Narrator.seatName(endpoint) + " logs out (*22): " + (result == null ? "no answer"
                    : result));
        }
    }

    /** The phone Dial rings at {@code endpoint} for this call, or {@code null} for a phone that is not simulated. */
    SeatPhone phone(String endpoint) {
        if (!loggedIn.contains(endpoint)) {
            return null;
        }
        return SeatPhone.answering(endpoint, "Seat " + Narrator.seatName(endpoint), around(people.answerDelay()))
                .hangingUpAfter(Math.max(1_000, around(people.talk())));
    }

    @Override
    public void channelUp(SimulatedChannel channel) {
        String endpoint = DeviceStates.deviceOf(channel);
        if (loggedIn.contains(endpoint) && channel.dialledNumber() == null) {
            talking.put(channel.uniqueId(), Boolean.TRUE);
        }
    }

    @Override
    public void channelHungUp(SimulatedChannel channel, int cause) {
        if (talking.remove(channel.uniqueId()) == null || closing) {
            return;
        }
        String endpoint = DeviceStates.deviceOf(channel);
        long wrapUp = people.wrapUp().toMillis();
        narrator.say("seat " + Narrator.seatName(endpoint) + " wraps up for " + Narrator.seconds(wrapUp));
        timers.schedule(() -> ready(endpoint), wrapUp, TimeUnit.MILLISECONDS);
    }

    private void ready(String endpoint) {
        if (closing) {
            return;
        }
        try {
            String result = dial(endpoint, "*24");
            narrator.say("seat " + Narrator.seatName(endpoint) + " presses *24 (ready): " + (result == null
                    ? "no answer" : result));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Dials a feature code from the seat's phone; Hotline's answer (HOTLINE_SEAT_RESULT), or {@code null}. */
    private String dial(String endpoint, String code) throws InterruptedException {
        SeatPhone phone = SeatPhone.answering(endpoint, "Seat " + Narrator.seatName(endpoint), 0);
        SimulatedAsterisk.Call call = pbx.call(CallerPhone.seat(phone), SeatPhone.ENDPOINT_CONTEXT, code);
        try {
            return call.finished().get(FEATURE_CODE_LIMIT.toMillis(), TimeUnit.MILLISECONDS)
                    .variable("HOTLINE_SEAT_RESULT");
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            call.channel().hangUpNow();
            return null;
        }
    }

    /** A time between half and one and a half times {@code mean}, in ms. */
    private long around(Duration mean) {
        long millis = mean.toMillis();
        return millis / 2 + (millis == 0 ? 0 : (long) (random.nextDouble() * millis));
    }
}
