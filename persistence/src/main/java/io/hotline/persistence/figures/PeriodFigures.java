package io.hotline.persistence.figures;

import io.hotline.routing.desk.ServiceFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The service figures of the work orders first resolved in {@code [from, to)}, each a share with its numerator and
 * denominator ({@link ServiceFigures.Share#count()} of {@link ServiceFigures.Share#of()}, and
 * {@link ServiceFigures.Share#ratio()}, 0 when nothing was resolved), so a report can show both. Immutable.
 *
 * @param from                   the period's start, inclusive, to the millisecond
 * @param to                     the period's end, exclusive, to the millisecond
 * @param repeatWindow           how long after a resolution a repeat call or a reopen undoes first-contact resolution
 * @param firstContactResolution those resolved on their first contact with no repeat call or reopen within the
 *                               window ({@link ServiceFigures#firstContactResolution}), of those resolved
 * @param solvedWithoutVisit     those that never went on site ({@link ServiceFigures#solvedWithoutVisit}), of those
 *                               resolved
 */
public record PeriodFigures(Instant from, Instant to, Duration repeatWindow,
                            ServiceFigures.Share firstContactResolution, ServiceFigures.Share solvedWithoutVisit) {

    public PeriodFigures {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(repeatWindow, "repeatWindow");
        Objects.requireNonNull(firstContactResolution, "firstContactResolution");
        Objects.requireNonNull(solvedWithoutVisit, "solvedWithoutVisit");
    }

    /** How many work orders were first resolved in the period: the denominator of both shares. */
    public long resolved() {
        return solvedWithoutVisit.of();
    }

    /**
     * From when these figures no longer change: the period's end plus the window. Until then a repeat call or a
     * reopen may still come for a work order resolved near the end of the period, and first-contact resolution
     * can only go down.
     */
    public Instant settledAt() {
        return to.plus(repeatWindow);
    }
}
