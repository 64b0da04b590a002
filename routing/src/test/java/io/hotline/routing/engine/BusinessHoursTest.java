package io.hotline.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.hours.BusinessHours;
import io.hotline.routing.hours.OpeningHours;
import io.hotline.routing.ladder.Tier;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Outside business hours the engine answers "after hours" with the next opening. */
class BusinessHoursTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void shouldAnswerAfterHoursWithTheNextOpeningAtNight() {
        EngineHarness harness = new EngineHarness();
        // the harness starts at 10:00 Shanghai time; 11 h later it is 21:00
        harness.advance(Duration.ofHours(11)).seat("s1", Tier.TIER1, "ERP", 5);

        harness.call("night", "ERP");

        assertThat(harness.offers()).isEmpty();
        assertThat(harness.engine.call("night")).isEmpty();
        assertThat(harness.all(RoutingCommand.PlayAfterHours.class)).singleElement().satisfies(after ->
                assertThat(after.nextOpening()).isEqualTo(Instant.parse("2026-11-19T00:00:00Z")));
        assertThat(harness.all(RoutingCommand.RecordDecision.class)).singleElement()
                .satisfies(decision -> assertThat(decision.explanation()).contains("closed"));
    }

    @Test
    void shouldStayClosedOnHolidaysAndReopenAfter() {
        BusinessHours hours = new BusinessHours(SHANGHAI, Map.of(Tier.TIER1, OpeningHours.SEVEN_BY_ELEVEN,
                Tier.TIER2, OpeningHours.SEVEN_BY_ELEVEN), Set.of(LocalDate.parse("2026-11-18")));
        EngineHarness harness = new EngineHarness(RoutingConfig.defaults().withHours(hours));

        harness.call("holiday", "ERP");

        assertThat(harness.all(RoutingCommand.PlayAfterHours.class)).singleElement().satisfies(after ->
                assertThat(after.nextOpening()).isEqualTo(Instant.parse("2026-11-19T00:00:00Z")));
    }

    @Test
    void shouldStayOpenWhileAnyTierOfTheQueueIsStaffed() {
        OpeningHours weekdays = new OpeningHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), LocalTime.of(18, 0));
        BusinessHours hours = new BusinessHours(SHANGHAI, Map.of(Tier.TIER1, weekdays), Set.of());
        EngineHarness harness = new EngineHarness(RoutingConfig.defaults().withHours(hours));
        harness.advance(Duration.ofHours(10)).seat("night-senior", Tier.TIER2, "ERP", 5);

        // 20:00: tier 1 is closed but tier 2 (no schedule: always open) takes the queue's last step
        harness.call("late", "ERP").advanceSeconds(90);

        assertThat(harness.offers()).containsExactly("late->night-senior");
    }
}
