package io.hotline.routing.engine;

import io.hotline.routing.workorder.Severity;
import java.util.Objects;

/**
 * What raises a caller's priority: a P1 outage, a VIP customer, the contract level. The engine turns it into
 * priority points with {@link PriorityWeights}; each point is worth a fixed amount of waiting, so priority
 * gives a head start but can never starve anyone.
 *
 * @param severity the work order's severity (P1 = system down)
 * @param vip      whether the customer is a VIP
 * @param contract the contract level: {@code BASIC}, {@code STANDARD} or {@code PREMIUM} (unknown counts as basic)
 */
public record CallPriority(Severity severity, boolean vip, String contract) {

    /** An ordinary caller: P3, not VIP, basic contract. */
    public static final CallPriority NORMAL = new CallPriority(Severity.P3, false, "BASIC");

    public CallPriority {
        Objects.requireNonNull(severity, "severity");
        contract = contract == null ? "BASIC" : contract;
    }
}
