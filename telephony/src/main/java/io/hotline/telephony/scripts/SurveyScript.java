package io.hotline.telephony.scripts;

import io.hotline.routing.spi.SurveyStore;
import io.hotline.telephony.agi.AgiCommand;
import io.hotline.telephony.agi.AgiReply;
import io.hotline.telephony.agi.AgiScript;
import io.hotline.telephony.agi.AgiSession;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code survey?workorder=<id>&call=<linkedid>}: after the conversation, the caller rates the service by pressing
 * 1-5; the score is recorded on the work order and set as {@code HOTLINE_SURVEY_SCORE} ({@code NONE} when the
 * caller pressed nothing or another key). When the database does not answer, or the work order id is not known yet
 * (the caller was routed during an outage), the score is recorded later by the call's linkedid through the
 * store's {@code recordIvrScoreLater}. The prompt {@value #PROMPT} is Hotline's own recording; when the PBX does
 * not have it, Asterisk answers at once, the caller hears silence, the script logs it once ({@link MissingPrompts})
 * and still waits for the key as after a prompt that ended without one. Thread-safe.
 */
public final class SurveyScript implements AgiScript {
    /** Hotline's own recording, "please rate us from 1 to 5", interruptible by the score's key. */
    public static final String PROMPT = "hotline/survey-prompt";
    private static final Logger LOG = LoggerFactory.getLogger(SurveyScript.class);
    private static final String DIGITS = "12345";

    private final SurveyStore surveys;
    private final Executor blocking;
    private final InstantSource clock;
    private final MissingPrompts prompts;

    public SurveyScript(SurveyStore surveys, Executor blocking, InstantSource clock, MissingPrompts prompts) {
        this.surveys = surveys;
        this.blocking = blocking;
        this.clock = clock;
        this.prompts = prompts;
    }

    @Override
    public String name() {
        return "survey";
    }

    @Override
    public CompletionStage<Void> run(AgiSession session) {
        Long workOrder = parseLong(session.request().parameters().get("workorder"));
        String call = session.request().parameters().get("call");
        String callId = call == null || call.isBlank() ? null : call;
        if (workOrder == null && callId == null) {
            LOG.warn("[{}] survey without a valid workorder or call parameter: {}", session.id(),
                    session.request().get("agi_network_script"));
            return session.send(AgiCommand.setVariable("HOTLINE_SURVEY_SCORE", "NONE")).thenAccept(reply -> { });
        }
        return session.send(AgiCommand.streamFile(PROMPT, DIGITS))
                .thenApply(reply -> {
                    prompts.check(PROMPT, reply, session);
                    return reply;
                })
                .thenCompose(reply -> digit(reply) > 0 ? CompletableFuture.completedFuture(reply)
                        : session.send(AgiCommand.waitForDigit(Duration.ofSeconds(10)), Duration.ofSeconds(20)))
                .thenCompose(reply -> {
                    int score = digit(reply);
                    if (score == 0) {
                        return session.send(AgiCommand.setVariable("HOTLINE_SURVEY_SCORE", "NONE"));
                    }
                    return CompletableFuture.supplyAsync(() -> record(workOrder, callId, score, clock.instant()),
                                    blocking)
                            .thenComposeAsync(recorded -> session.send(AgiCommand.setVariable("HOTLINE_SURVEY_SCORE",
                                    recorded ? Integer.toString(score) : "NONE")), session.executor());
                })
                .thenAccept(reply -> { });
    }

    /** On the work order now, or later by the call when its id is unknown or the database does not answer. */
    private boolean record(Long workOrder, String callId, int score, Instant at) {
        if (workOrder == null) {
            return surveys.recordIvrScoreLater(callId, score, at);
        }
        return OutageFallback.nowOrLater(callId, "survey score", () -> surveys.recordIvrScore(workOrder, score, at),
                () -> surveys.recordIvrScoreLater(callId, score, at));
    }

    /** The score 1-5 a reply reports (its result is the key's ASCII code), or 0. */
    private static int digit(AgiReply reply) {
        int key = reply.resultAsInt(0);
        return key >= '1' && key <= '5' ? key - '0' : 0;
    }

    private static Long parseLong(String text) {
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
