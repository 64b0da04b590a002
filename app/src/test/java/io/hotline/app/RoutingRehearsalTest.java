package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.engine.RoutingConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RoutingRehearsalTest {

    @Test
    void shouldOfferEveryRehearsedCallToARehearsalSeatEvenAfterHoursAndWithAWrapUp() {
        // given the production defaults: business hours that are closed at the rehearsal's clock time on some days,
        // and a wrap-up after every call
        RoutingConfig config = RoutingConfig.defaults().withHoldUntilDialEnds(true)
                .withTimes(Duration.ofMinutes(2), Duration.ZERO);

        // when
        int offered = new RoutingRehearsal(config).run(200);

        // then every call went the whole way: offered, answered, ended
        assertThat(offered).isEqualTo(200);
    }
}
