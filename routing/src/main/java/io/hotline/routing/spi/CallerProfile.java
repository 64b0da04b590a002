package io.hotline.routing.spi;

import java.util.List;
import java.util.Objects;

/**
 * What Hotline knows about a caller it recognised by number: the customer, what raises their priority, what
 * they run (the skills a seat needs), and the open work order with its owner seat, if any.
 *
 * @param customerId      the customer
 * @param vip             whether the customer is a VIP
 * @param contractLevel   BASIC, STANDARD or PREMIUM
 * @param productSkills   skill codes of the customer's installed product lines, most relevant first
 * @param openWorkOrderId the customer's most recent open work order, or {@code null}
 * @param ownerSeatId     the seat code owning that work order, or {@code null}
 */
public record CallerProfile(long customerId, boolean vip, String contractLevel,
                            List<String> productSkills, Long openWorkOrderId, String ownerSeatId) {

    public CallerProfile {
        Objects.requireNonNull(contractLevel, "contractLevel");
        productSkills = List.copyOf(productSkills);
    }
}
