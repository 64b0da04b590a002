package io.hotline.telephony.scripts;

import java.util.Map;
import java.util.Objects;

/**
 * How {@code route} turns a request into a queue and a required skill: the URL's {@code queue=} and
 * {@code product=} win, then the dialled number's entry here, then the default queue and the caller's first
 * installed product line.
 *
 * @param asteriskServer the configured name of the Asterisk server these sessions come from
 * @param defaultQueue   the queue when nothing else says
 * @param queueByDnis    dialled number to queue
 * @param productByDnis  dialled number to the product-line skill it serves
 * @param musicClass     the music-on-hold class played while waiting
 */
public record RouteSettings(String asteriskServer, String defaultQueue, Map<String, String> queueByDnis,
                            Map<String, String> productByDnis, String musicClass) {

    public RouteSettings {
        Objects.requireNonNull(asteriskServer, "asteriskServer");
        Objects.requireNonNull(defaultQueue, "defaultQueue");
        Objects.requireNonNull(musicClass, "musicClass");
        queueByDnis = Map.copyOf(queueByDnis);
        productByDnis = Map.copyOf(productByDnis);
    }
}
