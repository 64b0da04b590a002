package io.hotline.routing.spi;

import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Lets a supervisor listen to, whisper to or barge into a seat's call: Hotline rings the supervisor's own phone and,
 * once it is answered, joins it to the seat's call. Telephony implements it over AMI ({@code Originate} of the
 * supervisor's phone into {@code ChanSpy}); without AMI it refuses, saying so, and never pretends.
 * <p>
 * Threading: callable on any thread; returns at once. The stage completes on the implementation's own thread once
 * the PBX accepted or refused the request (not when the supervisor answers: the phone may ring for a while).
 */
public interface CallMonitor {

    /** How the supervisor joins the seat's call. */
    enum Mode {
        /** Hears both sides; nobody hears the supervisor. */
        LISTEN,
        /** Hears both sides; only the seat hears the supervisor. */
        WHISPER,
        /** Hears both sides and both hear the supervisor. */
        BARGE
    }

    /**
     * Rings {@code supervisorPhone} (a dial string, e.g. {@code PJSIP/2001}) and, when it answers, joins it in
     * {@code mode} to the call of the seat whose phone is {@code seatEndpoint} (e.g. {@code PJSIP/1001}).
     *
     * @return whether the PBX took the request, and why not
     */
    CompletionStage<Result> monitor(String supervisorPhone, String seatEndpoint, Mode mode);

    /**
     * The PBX's answer to a monitoring request.
     *
     * @param accepted whether the supervisor's phone is being rung
     * @param reason   why not (for the supervisor, e.g. "AMI is not connected"), {@code null} when accepted
     */
    record Result(boolean accepted, String reason) {
        /** The request was taken. */
        public static Result ok() {
            return new Result(true, null);
        }

        /** The request was refused for {@code reason}. */
        public static Result refused(String reason) {
            return new Result(false, Objects.requireNonNull(reason, "reason"));
        }
    }
}
