package io.hotline.persistence.figures;

import io.hotline.routing.desk.ServiceFigures;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The service figures of a period ({@link PeriodFigures}) and the same figures per bucket, the bucket a caller chose
 * for each work order first resolved in the period; every such work order is in exactly one bucket, so the buckets'
 * shares add up to the period's. Immutable.
 *
 * @param period  the period's figures, as {@link ServiceFiguresQuery#forPeriod} gives them
 * @param buckets the figures per bucket, only buckets with a resolved work order, in no particular order
 * @param <K>     the bucket's key
 */
public record BucketedFigures<K>(PeriodFigures period, Map<K, Bucket> buckets) {

    public BucketedFigures {
        Objects.requireNonNull(period, "period");
        buckets = Collections.unmodifiableMap(new HashMap<>(buckets));
    }

    /**
     * One bucket's figures, both shares of the same resolved work orders.
     *
     * @param firstContactResolution those resolved on first contact, of those resolved in the bucket
     * @param solvedWithoutVisit     those that never went on site, of those resolved in the bucket
     */
    public record Bucket(ServiceFigures.Share firstContactResolution, ServiceFigures.Share solvedWithoutVisit) {
        /** Nothing resolved. */
        public static final Bucket NONE = new Bucket(new ServiceFigures.Share(0, 0), new ServiceFigures.Share(0, 0));

        public Bucket {
            Objects.requireNonNull(firstContactResolution, "firstContactResolution");
            Objects.requireNonNull(solvedWithoutVisit, "solvedWithoutVisit");
        }

        /** This bucket with one more resolved work order. */
        Bucket plus(ServiceFigures.Outcome outcome) {
            return new Bucket(plus(firstContactResolution, outcome.firstContact()),
                    plus(solvedWithoutVisit, outcome.withoutVisit()));
        }

        /** The two buckets together: a caller's coarser bucket from finer ones. */
        public Bucket plus(Bucket other) {
            return new Bucket(new ServiceFigures.Share(firstContactResolution.count()
                    + other.firstContactResolution.count(), firstContactResolution.of()
                    + other.firstContactResolution.of()), new ServiceFigures.Share(solvedWithoutVisit.count()
                    + other.solvedWithoutVisit.count(), solvedWithoutVisit.of() + other.solvedWithoutVisit.of()));
        }

        private static ServiceFigures.Share plus(ServiceFigures.Share share, boolean qualifies) {
            return new ServiceFigures.Share(share.count() + (qualifies ? 1 : 0), share.of() + 1);
        }
    }
}
