package io.hotline.web.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmsWebhookConfigTest {
    private static final byte[] SECRET = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldTakeTheDocumentedDefaults() {
        SmsWebhookConfig config = SmsWebhookConfig.of(SECRET);

        assertThat(config.replayWindow()).isEqualTo(Duration.ofSeconds(300));
        assertThat(config.maxBody()).isEqualTo(16 * 1024);
        assertThat(config.inboxTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(new SmsWebhookConfig(SECRET, Duration.ofSeconds(300), 16 * 1024)).isEqualTo(config)
                .hasSameHashCodeAs(config);
    }

    @Test
    void shouldFailFastNamingTheSetting() {
        assertThatThrownBy(() -> SmsWebhookConfig.of("too-short".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("HOTLINE_SMS_WEBHOOK_SECRET").hasMessageNotContaining("too-short");
        assertThatThrownBy(() -> SmsWebhookConfig.of(null)).hasMessageContaining("HOTLINE_SMS_WEBHOOK_SECRET");
        assertThatThrownBy(() -> new SmsWebhookConfig(SECRET, Duration.ZERO, 1024)).hasMessageContaining("window");
        assertThatThrownBy(() -> new SmsWebhookConfig(SECRET, Duration.ofSeconds(300), 10))
                .hasMessageContaining("body limit");
        assertThatThrownBy(() -> new SmsWebhookConfig(SECRET, Duration.ofSeconds(300), 1024, Duration.ofHours(1)))
                .hasMessageContaining("timeout");
    }

    @Test
    void shouldKeepItsOwnCopyOfTheSecretAndNeverShowIt() {
        byte[] secret = SECRET.clone();
        SmsWebhookConfig config = SmsWebhookConfig.of(secret);
        secret[0] = 'X';
        config.secret()[1] = 'Y';

        assertThat(config.secret()).isEqualTo(SECRET);
        assertThat(config.toString()).doesNotContain("0123456789abcdef").contains("(hidden)");
    }
}
