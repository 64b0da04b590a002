package io.hotline.web.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/**
 * The signing recipe of docs/api.md ("SMS webhook"), with its worked examples: the hex there is asserted here (and
 * was computed independently, with Python's {@code hmac}), so the document is proven.
 */
class WebhookSignatureTest {
    /** docs/api.md's example secret, timestamp and bodies. */
    private static final byte[] SECRET = "demo-webhook-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final long TIMESTAMP = 1796634900L;
    private static final String JSON_BODY = "{\"id\":\"gw-1001\",\"from\":\"+8613800000000\","
            + "\"text\":\"ARRIVE 123456\",\"sent_at\":\"2026-12-07T09:14:58Z\"}";
    private static final String FORM_BODY = "id=gw-1002&from=%2B8613800000000&text=DONE+123456+"
            + "%E6%9B%B4%E6%8D%A2%E4%BA%86%E6%B0%B4%E6%B3%B5";

    private final WebhookSignature signature = new WebhookSignature(SECRET, Duration.ofSeconds(300),
            InstantSource.fixed(Instant.ofEpochSecond(TIMESTAMP)));

    @Test
    void shouldSignTheDocumentsWorkedExamples() {
        assertThat(Instant.ofEpochSecond(TIMESTAMP)).isEqualTo(Instant.parse("2026-12-07T09:15:00Z"));
        assertThat(WebhookSignature.sign(SECRET, TIMESTAMP, JSON_BODY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=46d878be862e403f1e7d7cdc19323143487819db10975544ac0f89e2a295a758");
        assertThat(WebhookSignature.sign(SECRET, TIMESTAMP, FORM_BODY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=01f47250491f62a2c0c3707e984496f2dcf266b385e52b7f1186b8b907e59c37");
    }

    @Test
    void shouldTakeTheWorkedExampleAndRefuseEachChangeToIt() {
        byte[] body = JSON_BODY.getBytes(StandardCharsets.UTF_8);
        String valid = WebhookSignature.sign(SECRET, TIMESTAMP, body);

        assertThat(signature.check("1796634900", valid, body)).isEqualTo(WebhookSignature.Verdict.VALID);
        assertThat(signature.check(" 1796634900 ", " " + valid + " ", body)).isEqualTo(WebhookSignature.Verdict.VALID);
        assertThat(signature.check("1796634901", valid, body)).isEqualTo(WebhookSignature.Verdict.BAD_SIGNATURE);
        assertThat(signature.check("1796634900", valid, JSON_BODY.replace("ARRIVE", "arrive")
                .getBytes(StandardCharsets.UTF_8))).isEqualTo(WebhookSignature.Verdict.BAD_SIGNATURE);
        assertThat(signature.check("1796634900", valid, new byte[0])).isEqualTo(WebhookSignature.Verdict.BAD_SIGNATURE);
    }

    @Test
    void shouldCheckTheSignatureBeforeTheWindowSoOnlyTheSecretsHolderHearsItIsStale() {
        byte[] body = JSON_BODY.getBytes(StandardCharsets.UTF_8);
        long old = TIMESTAMP - 301;

        assertThat(signature.check(Long.toString(old), WebhookSignature.sign(SECRET, old, body), body))
                .isEqualTo(WebhookSignature.Verdict.STALE_PAST);
        assertThat(signature.check(Long.toString(old), WebhookSignature.sign("x".repeat(16).getBytes(
                StandardCharsets.UTF_8), old, body), body)).isEqualTo(WebhookSignature.Verdict.BAD_SIGNATURE);
        assertThat(signature.check("0", WebhookSignature.sign(SECRET, 0, body), body))
                .isEqualTo(WebhookSignature.Verdict.STALE_PAST);
        assertThat(signature.check("999999999999", WebhookSignature.sign(SECRET, 999_999_999_999L, body), body))
                .isEqualTo(WebhookSignature.Verdict.STALE_FUTURE);
    }

    @Test
    void shouldGiveEachRefusalAStableCodeAndASentenceWithoutTheSecret() {
        for (WebhookSignature.Verdict verdict : WebhookSignature.Verdict.values()) {
            assertThat(verdict.code()).matches("[a-z_]+");
            assertThat(verdict.message()).isNotBlank().doesNotContain("demo-webhook-secret");
        }
        assertThat(signature.toString()).doesNotContain("demo-webhook-secret");
    }

    @Test
    void shouldRefuseAnEmptySecret() {
        assertThatThrownBy(() -> new WebhookSignature(new byte[0], Duration.ofSeconds(1), InstantSource.system()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
