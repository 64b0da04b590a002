package io.hotline.telephony.scripts;

import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the scripts keep what a caller chose when the database does not answer: write it now, and if that fails for
 * any reason but the request itself (an {@link IllegalArgumentException}), hand it to the store's durable "later"
 * path by the call's linkedid. Stateless.
 */
final class OutageFallback {
    private static final Logger LOG = LoggerFactory.getLogger(OutageFallback.class);

    private OutageFallback() {
    }

    /**
     * {@code now}'s answer; when it throws and {@code callId} is known, {@code later}'s instead (true: durably
     * promised). Rethrows when there is no call to defer by or the store cannot defer.
     *
     * @param what what is recorded, for the log line ("callback", "survey score")
     */
    static boolean nowOrLater(String callId, String what, BooleanSupplier now, BooleanSupplier later) {
        try {
            return now.getAsBoolean();
        } catch (IllegalArgumentException e) {
            // Refused for what was asked, not for an outage: nothing to defer.
            throw e;
        } catch (RuntimeException e) {
            if (callId == null || !later.getAsBoolean()) {
                throw e;
            }
            LOG.warn("Call {}: the database did not answer ({}); its {} is recorded when it answers", callId,
                    e.toString(), what);
            return true;
        }
    }
}
