package io.hotline.app.simulate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@code hotline simulate} plays: where Hotline is, the dialplan, how long and how busy, and how its people
 * behave. Validated on construction. Immutable.
 *
 * @param agiUrl      Hotline's FastAGI address as the dialplan's {@code HOTLINE_AGI} global ({@code agi://host:port})
 * @param ami         where the simulated AMI listens and whom it lets in; {@code null}: no AMI
 * @param dialplan    the {@code extensions.conf} to follow
 * @param load        how long, how many callers, how often, which number they dial
 * @param seats       the seats' phone endpoints, e.g. {@code PJSIP/1001}
 * @param people      how callers and seats behave
 */
public record SimulationSettings(String agiUrl, AmiSettings ami, Path dialplan, Load load, List<String> seats,
                                 People people) {

    public SimulationSettings {
        Objects.requireNonNull(agiUrl, "agiUrl");
        Objects.requireNonNull(dialplan, "dialplan");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(people, "people");
        seats = List.copyOf(seats);
        if (seats.isEmpty()) {
            throw new IllegalArgumentException("at least one seat phone is needed");
        }
    }

    /**
     * The simulated AMI server.
     *
     * @param host     the address to listen on (Hotline's HOTLINE_AMI_HOST)
     * @param port     the port (Hotline's AMI port)
     * @param username the user Hotline logs in as
     * @param secret   its secret; empty accepts any
     */
    public record AmiSettings(String host, int port, String username, String secret) {
        public AmiSettings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "AmiSettings[" + host + ":" + port + " as " + username + "]";
        }
    }

    /**
     * How much traffic, for how long.
     *
     * @param duration       how long new callers arrive
     * @param maxCallers     at most this many callers in all
     * @param callsPerMinute the mean arrival rate (arrivals are random, Poisson)
     * @param drain          after {@code duration}, how long calls in progress may go on before they are hung up
     * @param dnis           the number callers dial
     * @param seed           the random seed: the same seed plays the same callers
     */
    public record Load(Duration duration, int maxCallers, double callsPerMinute, Duration drain, String dnis,
                       long seed) {
        public Load {
            if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofHours(24)) > 0) {
                throw new IllegalArgumentException("--duration must be between 1s and 24h, not " + duration);
            }
            if (maxCallers < 1) {
                throw new IllegalArgumentException("--callers must be at least 1, not " + maxCallers);
            }
            if (!(callsPerMinute > 0 && callsPerMinute <= 6_000)) {
                throw new IllegalArgumentException("--rate must be between 0 and 6000 calls a minute, not "
                        + callsPerMinute);
            }
            if (!dnis.matches("\\+?[0-9]{1,20}")) {
                throw new IllegalArgumentException("--dnis must be a phone number, not '" + dnis + "'");
            }
        }
    }

    /**
     * How people behave; each call draws its own times around these means.
     *
     * @param answerDelay how long a seat lets its phone ring before answering (mean)
     * @param talk        how long a conversation lasts (mean)
     * @param patience    how long a caller listens to music on hold before giving up (mean)
     * @param wrapUp      how long a seat wraps up after a call before pressing *24 (ready)
     * @param surveyShare the share of served callers who rate the service when asked (0-1)
     */
    public record People(Duration answerDelay, Duration talk, Duration patience, Duration wrapUp,
                         double surveyShare) {
        public People {
            for (Duration each : List.of(answerDelay, talk, patience, wrapUp)) {
                if (each.isNegative() || each.compareTo(Duration.ofHours(1)) > 0) {
                    throw new IllegalArgumentException("a person's time must be between 0 and 1h, not " + each);
                }
            }
            if (!(surveyShare >= 0 && surveyShare <= 1)) {
                throw new IllegalArgumentException("--survey-share must be between 0 and 1, not " + surveyShare);
            }
        }
    }
}
