package io.hotline.app.figures;

import io.hotline.ops.metrics.HotlineMeters;
import io.hotline.persistence.figures.TodayFigures;
import io.hotline.routing.desk.ClockKind;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Binds today's figures as the {@code hotline_today_*} gauges of {@link HotlineMeters}: each reads
 * {@link TodayFiguresService#latest()} at scrape time (a volatile read). One series per bounded tag value, registered
 * up front: the configured queues, the seat tiers, the work orders' states and severities, the two clocks, the
 * dispatch legs of {@link HotlineMeters#DISPATCH_STEPS}. Stateless.
 */
public final class TodayMeters {
    private static final String QUEUE = HotlineMeters.TagKey.QUEUE.key();

    private TodayMeters() {
    }

    /** Registers every today gauge over {@code service}'s latest figures for the configured {@code queues}. */
    public static void bind(MeterRegistry registry, TodayFiguresService service, Set<String> queues) {
        for (String queue : queues) {
            gauge(registry, service, HotlineMeters.TODAY_CALLS_OFFERED, today -> today.queue(queue).offered(),
                    QUEUE, queue);
            for (Tier tier : Tier.values()) {
                if (tier.isSeatTier()) {
                    gauge(registry, service, HotlineMeters.TODAY_CALLS_ANSWERED,
                            today -> today.queue(queue).answered(tier), QUEUE, queue,
                            HotlineMeters.TagKey.TIER.key(), tier.name());
                }
            }
            gauge(registry, service, HotlineMeters.TODAY_CALLS_ABANDONED, today -> today.queue(queue).abandoned(),
                    QUEUE, queue);
            gauge(registry, service, HotlineMeters.TODAY_SERVICE_LEVEL, today -> today.queue(queue).serviceLevel(),
                    QUEUE, queue);
            gauge(registry, service, HotlineMeters.TODAY_SERVICE_LEVEL_WITH_ABANDONS,
                    today -> today.queue(queue).serviceLevelWithAbandons(), QUEUE, queue);
            gauge(registry, service, HotlineMeters.TODAY_ASA,
                    today -> today.queue(queue).averageSpeedOfAnswer().toMillis() / 1000.0, QUEUE, queue);
            gauge(registry, service, HotlineMeters.TODAY_TALK,
                    today -> today.queue(queue).averageTalkTime().toMillis() / 1000.0, QUEUE, queue);
        }
        for (WorkOrderState state : WorkOrderState.values()) {
            for (Severity severity : Severity.values()) {
                gauge(registry, service, HotlineMeters.TODAY_WORK_ORDERS, today -> today.workOrders(state, severity),
                        HotlineMeters.TagKey.STATE.key(), state.name(), HotlineMeters.TagKey.SEVERITY.key(),
                        severity.name());
            }
        }
        for (ClockKind clock : ClockKind.values()) {
            String key = HotlineMeters.TagKey.CLOCK.key();
            gauge(registry, service, HotlineMeters.TODAY_SLA_WARNINGS,
                    today -> today.slaWarnings().getOrDefault(clock, 0L), key, clock.name());
            gauge(registry, service, HotlineMeters.TODAY_SLA_BREACHES,
                    today -> today.slaBreaches().getOrDefault(clock, 0L), key, clock.name());
        }
        for (String step : HotlineMeters.DISPATCH_STEPS) {
            gauge(registry, service, HotlineMeters.TODAY_DISPATCH_STEPS,
                    today -> today.dispatchSteps().getOrDefault(step, 0L), HotlineMeters.TagKey.STEP.key(), step);
        }
        gauge(registry, service, HotlineMeters.TODAY_SATISFACTION, TodayFigures::satisfaction);
        gauge(registry, service, HotlineMeters.TODAY_SURVEYS, TodayFigures::surveys);
        gauge(registry, service, HotlineMeters.TODAY_RESOLVED, today -> today.service().resolved());
        gauge(registry, service, HotlineMeters.TODAY_FIRST_CONTACT_RESOLUTION,
                today -> today.service().firstContactResolution().ratio());
        gauge(registry, service, HotlineMeters.TODAY_SOLVED_WITHOUT_VISIT,
                today -> today.service().solvedWithoutVisit().ratio());
        HotlineMeters age = HotlineMeters.TODAY_FIGURES_AGE;
        Gauge.builder(age.meterName(), service, figures -> figures.age().toMillis() / 1000.0)
                .description(age.description()).baseUnit(age.baseUnit()).register(registry);
        HotlineMeters failures = HotlineMeters.TODAY_FIGURES_FAILURES;
        FunctionCounter.builder(failures.meterName(), service, TodayFiguresService::failures)
                .description(failures.description()).register(registry);
    }

    private static void gauge(MeterRegistry registry, TodayFiguresService service, HotlineMeters meter,
                              ToDoubleFunction<TodayFigures> figure, String... tags) {
        Gauge.builder(meter.meterName(), service, figures -> figure.applyAsDouble(figures.latest()))
                .description(meter.description()).baseUnit(meter.baseUnit()).tags(meter.tags(tags))
                .register(registry);
    }
}
