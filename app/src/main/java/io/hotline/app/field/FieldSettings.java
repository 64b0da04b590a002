package io.hotline.app.field;

import io.hotline.routing.field.FieldConfig;
import io.hotline.web.sms.HttpSmsGatewayConfig;
import io.hotline.web.sms.SmsWebhookConfig;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The field leg's settings: its deadlines, how SMS leave (the HTTP gateway's settings, or the file in the data
 * directory when empty), the inbound webhook's secret (no webhook when empty), and the test-only clock offset file.
 * Immutable; {@link #toString()} shows no secret.
 *
 * @param deadlines       the field leg's deadlines
 * @param gateway         the HTTP gateway, or empty for the file gateway
 * @param webhook         the inbound webhook's configuration, or empty when no secret is set
 * @param clockOffsetFile the test clock's offset file, or empty for the system clock
 */
public record FieldSettings(FieldConfig deadlines, Optional<HttpSmsGatewayConfig> gateway,
                            Optional<SmsWebhookConfig> webhook, Optional<Path> clockOffsetFile) {
    /** The defaults: file gateway, no webhook, the system clock. */
    public static final FieldSettings DEFAULT = new FieldSettings(FieldConfig.DEFAULT, Optional.empty(),
            Optional.empty(), Optional.empty());

    public FieldSettings {
        Objects.requireNonNull(deadlines, "deadlines");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(clockOffsetFile, "clockOffsetFile");
    }

    @Override
    public String toString() {
        return "FieldSettings[deadlines=" + deadlines + ", gateway=" + gateway.map(Object::toString).orElse("file")
                + ", webhook=" + (webhook.isPresent() ? "(secret hidden)" : "none") + ", clockOffsetFile="
                + clockOffsetFile.map(Path::toString).orElse("none") + "]";
    }
}
