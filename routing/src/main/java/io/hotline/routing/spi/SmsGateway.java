package io.hotline.routing.spi;

import java.util.Objects;

/**
 * Sends one SMS through whatever carries them (an HTTP gateway; a file in the default installation). Hotline stores
 * every message before it is sent and records what this answered.
 * <p>
 * Threading: blocking; called only on the {@code sms-sender} thread, one message at a time. Implementations are
 * thread-safe and never log a credential.
 */
public interface SmsGateway {

    /** Sends {@code sms}; never throws for a refusal or an I/O failure (they are a {@link Delivery#failed}). */
    Delivery send(Outbound sms);

    /**
     * One message to send.
     *
     * @param id   Hotline's id of the stored message (a gateway may use it to deduplicate)
     * @param to   the phone, normalised (digits, optional leading +)
     * @param body the text
     */
    record Outbound(long id, String to, String body) {
        public Outbound {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * What the gateway answered.
     *
     * @param sent      whether it took the message
     * @param gatewayId the gateway's id for it, or {@code null}
     * @param error     why it failed, or {@code null} when sent
     */
    record Delivery(boolean sent, String gatewayId, String error) {
        /** Taken by the gateway. */
        public static Delivery sent(String gatewayId) {
            return new Delivery(true, gatewayId, null);
        }

        /** Not taken, with why. */
        public static Delivery failed(String error) {
            return new Delivery(false, null, Objects.requireNonNull(error, "error"));
        }
    }
}
