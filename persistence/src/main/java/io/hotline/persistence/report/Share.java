package io.hotline.persistence.report;

/**
 * A share of the report: {@code count} of {@code of}, both shown so a reader can check the percentage. Immutable.
 *
 * @param count how many qualify
 * @param of    how many were considered
 */
public record Share(long count, long of) {

    /** Nothing considered. */
    public static final Share NONE = new Share(0, 0);

    public Share {
        if (count < 0 || of < count) {
            throw new IllegalArgumentException("a share is 0 <= count <= of: " + count + " of " + of);
        }
    }

    /** Whether anything was considered; a share of nothing has no ratio (the report shows "-"). */
    public boolean defined() {
        return of > 0;
    }

    /** {@code count / of}, 0 when nothing was considered (check {@link #defined()}). */
    public double ratio() {
        return of == 0 ? 0 : (double) count / of;
    }

    /** This share with one more considered, qualifying or not. */
    Share plus(boolean qualifies) {
        return new Share(count + (qualifies ? 1 : 0), of + 1);
    }
}
