package io.hotline.routing.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotline.routing.field.CheckInParser.NotUnderstood;
import io.hotline.routing.field.CheckInParser.Parsed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The check-in grammar of docs/field-service.md, one message at a time. */
class CheckInParserTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "ARRIVE 123456                         | ARRIVE | 123456       | NULL",
        "arrive 123456                         | ARRIVE | 123456       | NULL",
        "Arrive\t7                             | ARRIVE | 7            | NULL",
        "'  ARRIVE   42  '                     | ARRIVE | 42           | NULL",
        "ARRIVE 000042                         | ARRIVE | 42           | NULL",
        "ARRIVE 999999999999                   | ARRIVE | 999999999999 | NULL",
        "DONE 123456                           | DONE   | 123456       | NULL",
        "done 123456 replaced the pump         | DONE   | 123456       | replaced the pump",
        "DoNe 5    replaced the pump   \t      | DONE   | 5            | replaced the pump",
        "到达 123456                            | ARRIVE | 123456       | NULL",
        "到达123456                             | ARRIVE | 123456       | NULL",
        "完成123456 更换了水泵                   | DONE   | 123456       | 更换了水泵",
        "完成 123456   更换了水泵，已测试         | DONE   | 123456       | 更换了水泵,已测试",
        "ＡＲＲＩＶＥ　１２３４５６              | ARRIVE | 123456       | NULL",
        "ｄｏｎｅ　１２　ｆｉｘｅｄ              | DONE   | 12           | fixed",
        "到达　１２３                            | ARRIVE | 123          | NULL",
        "　完成　９　好了　                      | DONE   | 9            | 好了",
    })
    void shouldReadACheckIn(String text, CheckInKind kind, long workOrderId, String note) {
        // when
        CheckInParser.Result result = CheckInParser.parse(text);

        // then
        assertThat(result).isEqualTo(new Parsed(kind, workOrderId, note));
    }

    @Test
    void shouldTakeAnyWhiteSpaceBetweenKeywordNumberAndText() {
        assertThat(CheckInParser.parse("DONE\u00a012\u2003all\nfine\u3000"))
                .isEqualTo(new Parsed(CheckInKind.DONE, 12, "all\nfine"));
        assertThat(CheckInParser.parse("\r\nARRIVE\r\n12\r\n")).isEqualTo(new Parsed(CheckInKind.ARRIVE, 12, null));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {
        "", " ", "\u3000", "hello", "ARRIVE", "ARRIVE ", "DONE", "到达", "完成 ", "ARRIVE123", "DONE12 fixed",
        "ARRIVED 123", "ARRIVE 12a", "DONE 12a fixed", "ARRIVE 123 I am here", "ARRIVE 0", "DONE 000 x",
        "ARRIVE 1234567890123", "ARRIVE -12", "ARRIVE +12", "ARRIVE 12.5", "ARRIVE #12", "ARR IVE 12",
        "arrİve 12", "arrıve 12", "ARRIVE \u0663\u0664", "ARRIVE\u200b12", "到 达 12", "到达 到达 12", "完成",
        "12 ARRIVE", "DONE: 12 fixed", "ARRIVE 12\u0000", "\u0000ARRIVE 12"
    })
    void shouldExplainTheFormatForAnythingElse(String text) {
        assertThat(CheckInParser.parse(text)).isEqualTo(new NotUnderstood(CheckInParser.REPLY));
    }

    @Test
    void shouldNotUnderstandNothing() {
        assertThat(CheckInParser.parse(null)).isEqualTo(new NotUnderstood(CheckInParser.REPLY));
    }

    @Test
    void shouldReplyInTheWordsOfTheContract() {
        assertThat(CheckInParser.REPLY).isEqualTo("Hotline: not understood. Text ARRIVE <order> on arrival, DONE"
                + " <order> <what was done> when finished. 到达/完成 <单号>");
    }

    @Test
    void shouldCutANoteAt500CharactersAndNeverInsideASurrogatePair() {
        // given a note of 600 characters, and one whose 500th character starts an emoji's surrogate pair
        String long600 = "x".repeat(600);
        String emojiAtCut = "y".repeat(499) + "\ud83d\ude00" + "zzz";

        // when
        Parsed plain = (Parsed) CheckInParser.parse("DONE 1 " + long600);
        Parsed emoji = (Parsed) CheckInParser.parse("DONE 1 " + emojiAtCut);

        // then
        assertThat(plain.note()).hasSize(500).isEqualTo("x".repeat(500));
        assertThat(emoji.note()).isEqualTo("y".repeat(499));
    }

    @Test
    void shouldMakeControlCharactersSpacesAndLoneSurrogatesReplacementCharactersInTheNote() {
        Parsed parsed = (Parsed) CheckInParser.parse("DONE 7 a\u0000b\u0007c\ud800d\nok \ud83d\ude00");

        assertThat(parsed.note()).isEqualTo("a b c\ufffdd\nok \ud83d\ude00");
    }

    @Test
    void shouldGiveNoNoteForTextThatIsOnlyControlCharacters() {
        assertThat(CheckInParser.parse("DONE 7 \u0001\u0002")).isEqualTo(new Parsed(CheckInKind.DONE, 7, null));
    }

    @Test
    void shouldRefuseAParsedValueOutsideTheGrammar() {
        assertThatThrownBy(() -> new Parsed(CheckInKind.ARRIVE, 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Parsed(CheckInKind.ARRIVE, 1_000_000_000_000L, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Parsed(CheckInKind.ARRIVE, 1, "note"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Parsed(CheckInKind.DONE, 1, "")).isInstanceOf(IllegalArgumentException.class);
    }
}
