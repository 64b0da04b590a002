package io.hotline.routing.field;

import java.util.Objects;

/**
 * A field engineer of a branch. Check-ins by SMS are trusted only from {@code mobile}. Immutable.
 *
 * @param code       the engineer's code
 * @param branchCode the branch they work for
 * @param name       their name
 * @param mobile     their registered mobile, normalised (digits, optional leading +)
 * @param active     whether they can be assigned
 */
public record Engineer(String code, String branchCode, String name, String mobile, boolean active) {
    public Engineer {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(branchCode, "branchCode");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mobile, "mobile");
    }
}
