package io.hotline.persistence.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotline.routing.field.BranchChoice;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ranking's text, as the journal line and {@code field_dispatch.ranking} keep it. */
class FieldFieldsTest {

    @Test
    void shouldWriteTheRankingAsCodeDistanceAndLoadAndReadItBackEqual() {
        List<BranchChoice> ranking = List.of(new BranchChoice("BR-SUZHOU", 18.312345678901234, 3),
                new BranchChoice("BR-WUXI", 37.9, 0));

        String text = FieldFields.ranking(ranking);

        assertThat(text).isEqualTo("BR-SUZHOU:18.312345678901234:3;BR-WUXI:37.9:0");
        assertThat(FieldFields.ranking(text)).isEqualTo(ranking);
    }

    @Test
    void shouldKeepACodeWithTheSeparatorsInIt() {
        List<BranchChoice> ranking = List.of(new BranchChoice("A:B;C%3A", 1.5, 1));

        assertThat(FieldFields.ranking(FieldFields.ranking(ranking))).isEqualTo(ranking);
    }

    @Test
    void shouldReadNoRankingAsEmptyAndRefuseADamagedOne() {
        assertThat(FieldFields.ranking(List.of())).isEmpty();
        assertThat(FieldFields.ranking("")).isEmpty();
        assertThatThrownBy(() -> FieldFields.ranking("BR-X:1.0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BR-X:1.0");
    }
}
