package io.hotline.routing.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The same cases as persistence's {@code PhoneNumbersTest}: the two normal forms must never differ. */
class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "+86 138-0000-0000      | +8613800000000",
        "+86 (21) 6552.1234     | +862165521234",
        "  021 6552 1234        | 02165521234",
        "13800000000            | 13800000000",
        "(0)21\t6552-1234       | 02165521234",
        "100                    | 100",
        "+12345678901234567890  | +12345678901234567890"
    })
    void shouldKeepDigitsAndOneLeadingPlus(String raw, String expected) {
        assertThat(PhoneNumbers.normalise(raw)).isEqualTo(expected);
        assertThat(PhoneNumbers.tryNormalise(raw)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "anonymous", "unknown", "Restricted", "+", "++8613800000000", "86+13800000000",
        "138 0000 0000 ext 12", "*123#", "12", "+12", "123456789012345678901", "\uff11\uff12\uff13\uff14",
        "138/0000/0000", "138_0000", "HOTLINE"
    })
    void shouldRejectGarbage(String raw) {
        assertThatThrownBy(() -> PhoneNumbers.normalise(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a phone number");
        assertThat(PhoneNumbers.tryNormalise(raw)).isEmpty();
    }

    @Test
    void shouldRejectNullOnStoreAndMatchNothingOnLookup() {
        assertThatNullPointerException().isThrownBy(() -> PhoneNumbers.normalise(null));
        assertThat(PhoneNumbers.tryNormalise(null)).isEmpty();
    }

    @Test
    void shouldRejectAHugeNumberWithoutReadingItAll() {
        assertThat(PhoneNumbers.tryNormalise("1".repeat(1_000_000))).isEmpty();
    }
}
