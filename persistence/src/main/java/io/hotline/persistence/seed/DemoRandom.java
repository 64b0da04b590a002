package io.hotline.persistence.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * The demo generator's source of randomness: a {@link Random} with a constant seed, used only through the
 * methods whose algorithms {@code java.util.Random}'s javadoc specifies ({@code nextInt(int)},
 * {@code nextDouble()}), so the same seed draws the same values on every JDK. Not thread-safe: confined to one
 * generation.
 */
final class DemoRandom {
    private final Random random;

    DemoRandom(long seed) {
        this.random = new Random(seed);
    }

    /** Uniform in {@code [0, bound)}. */
    int below(int bound) {
        return random.nextInt(bound);
    }

    /** Uniform in {@code [low, high]}. */
    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    /** Uniform in {@code [0, 1)}. */
    double unit() {
        return random.nextDouble();
    }

    /** True with the given probability. */
    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A uniformly chosen element. */
    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** An element chosen with probability proportional to its weight. */
    <T> T weighted(List<T> items, ToIntFunction<T> weight) {
        int total = 0;
        for (T item : items) {
            total += weight.applyAsInt(item);
        }
        int draw = random.nextInt(total);
        for (T item : items) {
            draw -= weight.applyAsInt(item);
            if (draw < 0) {
                return item;
            }
        }
        throw new IllegalStateException("weights changed while drawing");
    }

    /** {@code count} distinct elements chosen by weight, in the order drawn. */
    <T> List<T> weightedDistinct(List<T> items, ToIntFunction<T> weight, int count) {
        List<T> remaining = new ArrayList<>(items);
        List<T> chosen = new ArrayList<>(count);
        while (chosen.size() < count && !remaining.isEmpty()) {
            T item = weighted(remaining, weight);
            remaining.remove(item);
            chosen.add(item);
        }
        return chosen;
    }

    /** {@code count} distinct indexes of {@code [0, size)}, in ascending order. */
    List<Integer> distinctIndexes(int size, int count) {
        boolean[] taken = new boolean[size];
        int left = Math.min(count, size);
        while (left > 0) {
            int index = random.nextInt(size);
            if (!taken[index]) {
                taken[index] = true;
                left--;
            }
        }
        List<Integer> indexes = new ArrayList<>();
        for (int index = 0; index < size; index++) {
            if (taken[index]) {
                indexes.add(index);
            }
        }
        return indexes;
    }
}
