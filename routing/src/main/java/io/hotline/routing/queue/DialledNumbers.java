package io.hotline.routing.queue;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the number a caller dialled (the DNIS, as Asterisk sends it: {@code 4008001234} or the E.164
 * {@code +864008001234}) says about the call: the queue it enters and the product-line skill it needs. A number
 * without an entry takes the default queue and the caller's own product line. Numbers match exactly, so a carrier
 * that sends both forms needs an entry for each. Immutable.
 *
 * @param queues   dialled number to the queue its calls enter
 * @param products dialled number to the product-line skill its calls need (e.g. {@code ERP_U8})
 */
public record DialledNumbers(Map<String, String> queues, Map<String, String> products) {

    /** No number says anything: every call takes the default queue and the caller's product line. */
    public static final DialledNumbers NONE = new DialledNumbers(Map.of(), Map.of());

    /** A dialled number: digits, optionally after one {@code +}, at most 32 characters in all. */
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{1,31}");
    /** A skill code: letters, digits, {@code _} and {@code -}. */
    private static final Pattern SKILL = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public DialledNumbers {
        queues = Map.copyOf(queues);
        products = Map.copyOf(products);
        queues.forEach((number, queue) -> {
            requireNumber(number);
            Objects.requireNonNull(queue, "queue");
        });
        products.forEach((number, product) -> {
            requireNumber(number);
            if (!isSkill(product)) {
                throw new IllegalArgumentException("product " + product + " of " + number
                        + " is not a skill code (letters, digits, _ and -)");
            }
        });
    }

    /** Whether {@code number} can be a dialled number here: digits, optionally after one {@code +}. */
    public static boolean isNumber(String number) {
        return number != null && NUMBER.matcher(number).matches();
    }

    /** Whether {@code skill} can be a skill code: letters, digits, {@code _} and {@code -}. */
    public static boolean isSkill(String skill) {
        return skill != null && SKILL.matcher(skill).matches();
    }

    private static void requireNumber(String number) {
        if (!isNumber(number)) {
            throw new IllegalArgumentException(number + " is not a dialled number (digits, optionally after +)");
        }
    }

    /** The queue for calls to {@code number}, if it has one. */
    public Optional<String> queue(String number) {
        return number == null ? Optional.empty() : Optional.ofNullable(queues.get(number));
    }

    /** The product-line skill for calls to {@code number}, if it has one. */
    public Optional<String> product(String number) {
        return number == null ? Optional.empty() : Optional.ofNullable(products.get(number));
    }
}
