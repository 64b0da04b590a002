package io.hotline.telephony.scripts;

import io.hotline.telephony.agi.AgiReply;
import io.hotline.telephony.agi.AgiSession;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices sound files the PBX does not have and logs each one once (WARN), not once per call. Asterisk answers
 * {@code STREAM FILE} of a file it cannot open with {@code 200 result=-1 endpos=0} (recording 12,
 * {@code no-such-sound-file}) and {@code SAY NUMBER} with a {@code digits/*} file missing with
 * {@code 200 result=-1} ({@code say_filenames} in Asterisk's {@code main/say.c}); the caller hears nothing in its
 * place. A caller hanging up during playback also gives {@code result=-1}, so a reply on a channel that has hung up
 * does not count. The set of names is bounded by the prompts Hotline's own code plays, so nothing an outsider
 * sends can grow it. Thread-safe: one per Hotline, shared by every session.
 */
public final class MissingPrompts {
    private static final Logger LOG = LoggerFactory.getLogger(MissingPrompts.class);

    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /**
     * Checks Asterisk's {@code reply} to {@code STREAM FILE prompt} (or to {@code SAY NUMBER}, reported as
     * {@code prompt}); logs the prompt the first time it is missing.
     *
     * @return whether the reply says the prompt is missing
     */
    public boolean check(String prompt, AgiReply reply, AgiSession session) {
        boolean missing = reply.isSuccess() && reply.resultAsInt(0) == -1
                && (reply.endPosition() == null || reply.endPosition() == 0) && !session.hungUp();
        if (missing && reported.add(prompt)) {
            LOG.warn("[{}] The sound file {} is missing on the PBX (Asterisk answered 200 result=-1 to playing it): "
                    + "callers hear nothing in its place. Install it; docs/asterisk.md lists every prompt Hotline "
                    + "plays. Logged once.", session.id(), prompt);
        }
        return missing;
    }

    /** The prompts found missing since start, for tests and diagnostics. */
    public Set<String> reported() {
        return Set.copyOf(reported);
    }
}
