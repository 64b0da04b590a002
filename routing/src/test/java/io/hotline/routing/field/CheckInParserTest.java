package io.hotline.routing.field;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.field.CheckInParser.CheckIn;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckInParserTest {

    @Test
    void shouldParseArrivalsInEnglishAndChineseWhateverTheWidthCaseAndSpacing() {
        assertThat(CheckInParser.parse("ARRIVE 123456")).contains(new CheckIn(CheckInKind.ARRIVE, 123456, null));
        assertThat(CheckInParser.parse("  arrive\t42 ")).contains(new CheckIn(CheckInKind.ARRIVE, 42, null));
        assertThat(CheckInParser.parse("ＡＲＲＩＶＥ　１２３")).contains(new CheckIn(CheckInKind.ARRIVE, 123, null));
        assertThat(CheckInParser.parse("到达123456")).contains(new CheckIn(CheckInKind.ARRIVE, 123456, null));
        assertThat(CheckInParser.parse("到达　７")).contains(new CheckIn(CheckInKind.ARRIVE, 7, null));
        assertThat(CheckInParser.parse("Arrive 999999999999")).contains(new CheckIn(CheckInKind.ARRIVE,
                999_999_999_999L, null));
    }

    @Test
    void shouldParseCompletionsWithTheirNoteTrimmed() {
        assertThat(CheckInParser.parse("DONE 5")).contains(new CheckIn(CheckInKind.DONE, 5, null));
        assertThat(CheckInParser.parse("done 5   replaced the fan  ")).contains(new CheckIn(CheckInKind.DONE, 5,
                "replaced the fan"));
        assertThat(CheckInParser.parse("完成12 换了硬盘")).contains(new CheckIn(CheckInKind.DONE, 12, "换了硬盘"));
        assertThat(CheckInParser.parse("完成 12\n换了硬盘\n客户满意")).contains(new CheckIn(CheckInKind.DONE, 12,
                "换了硬盘\n客户满意"));
    }

    @Test
    void shouldNotUnderstandAnythingElse() {
        for (String text : new String[] {"", "hello", "ARRIVE", "ARRIVE12", "ARRIVE 1234567890123", "ARRIVE 12 now",
            "DONE 12abc", "DONE", "arrived 12", "DONE -1", null}) {
            assertThat(CheckInParser.parse(text)).as(String.valueOf(text)).isEqualTo(Optional.empty());
        }
        assertThat(CheckInParser.HELP).isEqualTo("Hotline: not understood. Text ARRIVE <order> on arrival, DONE"
                + " <order> <what was done> when finished. 到达/完成 <单号>");
    }
}
