package io.hotline.routing.desk;

import java.util.Objects;

/**
 * A call, as every module names it: the Asterisk server it is on and its linkedid (CONTRIBUTING.md 2).
 *
 * @param asteriskServer the configured name of the Asterisk server
 * @param linkedId       Asterisk's {@code linkedid} of the call
 */
public record CallKey(String asteriskServer, String linkedId) {

    public CallKey {
        Objects.requireNonNull(asteriskServer, "asteriskServer");
        Objects.requireNonNull(linkedId, "linkedId");
        if (asteriskServer.isBlank() || linkedId.isBlank()) {
            throw new IllegalArgumentException("a call needs its Asterisk server and linkedid: " + asteriskServer
                    + "/" + linkedId);
        }
    }

    @Override
    public String toString() {
        return asteriskServer + "/" + linkedId;
    }
}
