package io.hotline.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotline.routing.queue.DialledNumbers;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DialledNumbersTest {

    @Test
    void shouldTellTheQueueAndProductOfANumberExactlyAsDialled() {
        DialledNumbers numbers = new DialledNumbers(Map.of("+864008001234", "tier2"),
                Map.of("+864008001234", "ERP_U8"));

        assertThat(numbers.queue("+864008001234")).contains("tier2");
        assertThat(numbers.product("+864008001234")).contains("ERP_U8");
        assertThat(numbers.queue("864008001234")).isEmpty();
        assertThat(numbers.product(null)).isEmpty();
    }

    @Test
    void shouldRefuseWhatIsNotANumberOrASkill() {
        assertThatThrownBy(() -> new DialledNumbers(Map.of("+86 400", "support"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("+86 400 is not a dialled number");
        assertThatThrownBy(() -> new DialledNumbers(Map.of(), Map.of("400", "ERP U8")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ERP U8 of 400 is not a skill");
    }

    @Test
    void shouldLetTheRoutingConfigurationNameOnlyConfiguredQueues() {
        RoutingConfig config = RoutingConfig.defaults()
                .withDialledNumbers(new DialledNumbers(Map.of("+864008001234", "tier2"), Map.of()));

        assertThat(config.dialledNumbers().queue("+864008001234")).contains("tier2");
        assertThat(config.withTimes(config.wrapUp(), config.stickyFor())).isEqualTo(config);
        assertThat(RoutingConfig.defaults().dialledNumbers()).isEqualTo(DialledNumbers.NONE);
        assertThatThrownBy(() -> RoutingConfig.defaults()
                .withDialledNumbers(new DialledNumbers(Map.of("400", "tier3"), Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dialled number 400 names queue tier3, which is not configured");
    }
}
