package io.hotline.routing.field;

import java.util.Objects;

/**
 * One branch in a dispatch's ranking: how far it is from the site and how many open dispatch orders it held when
 * ranked (the tie-breaker). Immutable.
 *
 * @param branchCode the branch
 * @param distanceKm the great-circle distance from the site, in km
 * @param openLoad   its open dispatch orders at the time
 */
public record BranchChoice(String branchCode, double distanceKm, int openLoad) {
    public BranchChoice {
        Objects.requireNonNull(branchCode, "branchCode");
    }
}
