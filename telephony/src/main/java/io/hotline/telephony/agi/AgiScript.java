package io.hotline.telephony.agi;

import java.util.concurrent.CompletionStage;

/**
 * What Hotline does with an AGI request whose script path is {@link #name()}. Runs on the session's event
 * loop and must never block it. When the returned stage completes, the session is closed and Asterisk
 * continues with the next dialplan priority. Implementations are shared by all sessions: thread-safe.
 */
public interface AgiScript {

    /** The script path it serves, e.g. {@code route} for {@code agi://hotline:4573/route?...}. */
    String name();

    /** Serves one session. */
    CompletionStage<Void> run(AgiSession session);
}
