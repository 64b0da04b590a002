package io.hotline.routing.field;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.field.CheckInParser.NotUnderstood;
import io.hotline.routing.field.CheckInParser.Parsed;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The check-in grammar over random text (jqwik): random strings of any code units (controls, lone surrogates,
 * ideographic and full-width characters), mutations of valid messages, and huge ones. It never throws, and what it
 * answers is either a check-in inside the grammar's bounds or the contract's reply. Well-formed messages built from
 * random parts read back as what was put in. A failure reports jqwik's seed and the shrunk text.
 */
class CheckInParserPropertiesTest {

    private static final List<String> KEYWORDS = List.of("ARRIVE", "arrive", "Arrive", "DONE", "done", "dOnE",
            "到达", "完成", "ＡＲＲＩＶＥ", "ＤＯＮＥ");
    private static final List<String> SPACES = List.of(" ", "  ", "\t", "\n", "\r\n", "\u3000", "\u00a0", "\u2003");

    @Property(tries = 2000)
    void shouldNeverThrowAndAnswerInsideTheGrammar(@ForAll("texts") String text) {
        // when
        CheckInParser.Result result = CheckInParser.parse(text);

        // then
        assertInsideTheGrammar(result);
    }

    @Property(tries = 2000)
    void shouldSurviveMutationsOfValidMessages(@ForAll("mutations") String text) {
        CheckInParser.Result result = CheckInParser.parse(text);

        assertInsideTheGrammar(result);
        Statistics.label("understood").collect(result instanceof Parsed);
    }

    @Property(tries = 1000)
    void shouldReadBackWellFormedMessages(@ForAll("keywords") String keyword, @ForAll("spaces") String space,
            @ForAll("numbers") long number, @ForAll("notes") String note) {
        // given a message made of a keyword, white space, the number, and for DONE a note
        boolean done = keyword.toUpperCase().contains("DONE") || keyword.contains("完成")
                || keyword.contains("ＤＯＮＥ");
        String message = keyword + space + number + (done && !note.isEmpty() ? space + note : "");

        // when
        CheckInParser.Result result = CheckInParser.parse(message);

        // then
        assertThat(result).isInstanceOf(Parsed.class);
        Parsed parsed = (Parsed) result;
        assertThat(parsed.kind()).isEqualTo(done ? CheckInKind.DONE : CheckInKind.ARRIVE);
        assertThat(parsed.workOrderId()).isEqualTo(number);
        assertThat(parsed.note()).isEqualTo(done && !note.isEmpty() ? note : null);
    }

    @Property(tries = 20)
    void shouldAnswerHugeTexts(@ForAll("hugeTexts") String text) {
        assertInsideTheGrammar(CheckInParser.parse(text));
    }

    private static void assertInsideTheGrammar(CheckInParser.Result result) {
        assertThat(result).isNotNull();
        if (result instanceof Parsed parsed) {
            assertThat(parsed.workOrderId()).isBetween(1L, 999_999_999_999L);
            if (parsed.note() != null) {
                assertThat(parsed.kind()).isEqualTo(CheckInKind.DONE);
                assertThat(parsed.note()).isNotBlank().hasSizeLessThanOrEqualTo(CheckInParser.MAX_NOTE);
                assertThat(parsed.note().chars().noneMatch(c -> Character.isISOControl(c) && c != '\n')).isTrue();
                assertThat(hasLoneSurrogate(parsed.note())).as("a lone surrogate in %s", parsed.note()).isFalse();
            }
        } else {
            assertThat(result).isEqualTo(new NotUnderstood(CheckInParser.REPLY));
        }
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> anyUnits = Arbitraries.strings().all().ofMaxLength(80);
        Arbitrary<String> likely = Arbitraries.strings().withChars("ARIVEDONarivedon 0123456789\t\n\u3000到达完成１２")
                .ofMaxLength(40);
        return Arbitraries.oneOf(anyUnits, likely);
    }

    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<String> valid = Combinators.combine(keywords(), spaces(), numbers(), notes())
                .as((keyword, space, number, note) -> keyword + space + number + space + note);
        Arbitrary<Character> any = Arbitraries.chars().all();
        return Combinators.combine(valid, Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 1000),
                any).as(CheckInParserPropertiesTest::mutate);
    }

    private static String mutate(String message, int how, int where, char what) {
        if (message.isEmpty()) {
            return String.valueOf(what);
        }
        int at = where % message.length();
        StringBuilder mutated = new StringBuilder(message);
        switch (how) {
            case 0 -> mutated.insert(at, what);
            case 1 -> mutated.deleteCharAt(at);
            case 2 -> mutated.setCharAt(at, what);
            default -> mutated.insert(at, message);
        }
        return mutated.toString();
    }

    @Provide
    Arbitrary<String> keywords() {
        return Arbitraries.of(KEYWORDS);
    }

    @Provide
    Arbitrary<String> spaces() {
        return Arbitraries.of(SPACES);
    }

    @Provide
    Arbitrary<Long> numbers() {
        return Arbitraries.longs().between(1, 999_999_999_999L);
    }

    @Provide
    Arbitrary<String> notes() {
        // Notes that read back unchanged: no leading or trailing space, nothing NFKC changes, within the cap.
        return Arbitraries.strings().withChars("abcxyz 更换了水泵已测试.-").ofMaxLength(60).map(String::strip)
                .filter(note -> note.length() <= CheckInParser.MAX_NOTE);
    }

    @Provide
    Arbitrary<String> hugeTexts() {
        Arbitrary<String> filler = Arbitraries.strings().all().ofMinLength(50_000).ofMaxLength(200_000);
        return Combinators.combine(keywords(), spaces(), filler).as((keyword, space, rest) -> keyword + space + rest);
    }
}
