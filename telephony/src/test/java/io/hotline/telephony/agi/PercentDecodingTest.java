package io.hotline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Percent-decoding of AGI URL query values: RFC 3986, not HTML forms. */
class PercentDecodingTest {

    @Test
    void shouldKeepALiteralPlusAsAsteriskSendsE164Numbers() {
        assertThat(PercentDecoding.decode("+864008001234")).isEqualTo("+864008001234");
        assertThat(PercentDecoding.decode("_+X.")).isEqualTo("_+X.");
    }

    @Test
    void shouldDecodeAnEncodedPlusAndOtherPercentSequences() {
        assertThat(PercentDecoding.decode("%2B864008001234")).isEqualTo("+864008001234");
        assertThat(PercentDecoding.decode("%2b1%20800")).isEqualTo("+1 800");
        assertThat(PercentDecoding.decode("J%C3%BCrgen+M%C3%BCller")).isEqualTo("Jürgen+Müller");
    }

    @Test
    void shouldReturnTextThatIsNotValidPercentEncodingAsItIs() {
        assertThat(PercentDecoding.decode("100%")).isEqualTo("100%");
        assertThat(PercentDecoding.decode("50%zz")).isEqualTo("50%zz");
        assertThat(PercentDecoding.decode("%C3")).isEqualTo("%C3");
        assertThat(PercentDecoding.decode("plain")).isEqualTo("plain");
        assertThat(PercentDecoding.decode("")).isEmpty();
    }

    @Test
    void shouldGiveTheRequestsParametersWithThePlusOfTheRecordedE164Request() {
        AgiRequest request = new AgiRequest(Map.of(
                "agi_network_script", "e164?pattern=_+X.&dnis=+864008001234&queue=tier%32&name=a+b"));

        assertThat(request.parameters()).containsExactlyInAnyOrderEntriesOf(Map.of("pattern", "_+X.",
                "dnis", "+864008001234", "queue", "tier2", "name", "a+b"));
    }
}
