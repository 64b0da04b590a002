package io.hotline.app.simulate;

/**
 * How a caller's finished call ended, read from what the caller experienced on the channel (as a person on the
 * phone would tell it), for the narrator's last line about the call and the summary. Immutable.
 *
 * @param outcome the kind of ending
 * @param score   the survey score the caller gave, or {@code null}
 * @param seat    whether a seat answered
 */
record CallOutcome(Tally.Outcome outcome, Integer score, boolean seat) {

    /** The outcome of {@code channel}'s call; {@code cut} when the simulation hung it up at the end. */
    static CallOutcome of(SimulatedChannel channel, boolean cut) {
        boolean served = channel.experience().stream().anyMatch(what -> what.startsWith("connected to "));
        String rating = channel.variable("HOTLINE_SURVEY_SCORE");
        Integer score = rating == null || !rating.matches("[1-5]") ? null : Integer.valueOf(rating);
        if (cut) {
            return new CallOutcome(Tally.Outcome.CUT, score, served);
        }
        if (served) {
            return new CallOutcome(score != null ? Tally.Outcome.SURVEYED : Tally.Outcome.SERVED, score, true);
        }
        if (channel.experience().contains("queued in hotline-fallback")) {
            return new CallOutcome(Tally.Outcome.FALLBACK, null, false);
        }
        if (channel.experience().contains("heard hotline/callback-confirmed")) {
            return new CallOutcome(Tally.Outcome.CALLBACK, null, false);
        }
        if (channel.experience().stream().anyMatch(what -> what.startsWith("voicemail "))) {
            return new CallOutcome(Tally.Outcome.VOICEMAIL, null, false);
        }
        if (channel.experience().contains("hung up")) {
            return new CallOutcome(Tally.Outcome.ABANDONED, null, false);
        }
        return new CallOutcome(Tally.Outcome.OTHER, null, false);
    }

    /** The end of the narrator's line, e.g. {@code rated the service 5 (call took 48.2 s)}. */
    String describe(long tookMillis) {
        String took = " (call took " + Narrator.seconds(tookMillis) + ")";
        return switch (outcome) {
            case SURVEYED -> "rated the service " + score + took;
            case SERVED -> "hung up without a rating" + took;
            case ABANDONED -> "abandoned after " + Narrator.seconds(tookMillis) + " waiting";
            case FALLBACK -> "sent to the fallback queue (Hotline busy or not answering)" + took;
            case CALLBACK -> "booked a callback" + took;
            case VOICEMAIL -> "left a voicemail (after hours)" + took;
            case CUT -> "hung up by the simulation's end" + took;
            default -> "ended otherwise" + took;
        };
    }
}
