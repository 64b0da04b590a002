package io.hotline.persistence.seed;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Issues Chinese phone numbers, normalised as caller ids are looked up ({@code +86} then digits), never the
 * same number twice: mobiles {@code +86 1xx xxxx xxxx} and landlines {@code +86 <area code> <8 digits>}. Not
 * thread-safe: confined to one generation.
 */
final class DemoPhoneNumbers {
    /** Real mobile prefixes of the three carriers. */
    private static final List<String> MOBILE_PREFIXES = List.of(
            "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "158",
            "159", "186", "187", "188", "189");

    private final DemoRandom random;
    private final Set<String> issued = new HashSet<>();

    DemoPhoneNumbers(DemoRandom random) {
        this.random = random;
    }

    /** A new mobile number, e.g. {@code +8613812345678}. */
    String mobile() {
        String number;
        do {
            number = "+86" + random.pick(MOBILE_PREFIXES) + digits(8);
        } while (!issued.add(number));
        return number;
    }

    /** A new landline in the area, e.g. {@code +861062345678}; local numbers never start with 0 or 1. */
    String landline(String areaCode) {
        String number;
        do {
            number = "+86" + areaCode + random.between(2, 8) + digits(7);
        } while (!issued.add(number));
        return number;
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append(random.below(10));
        }
        return digits.toString();
    }
}
