package io.hotline.routing.field;

import java.util.Objects;

/**
 * Where an on-site engineer goes: the address, and where known the place and the region (from the customer's
 * record). Immutable.
 *
 * @param address  the address to go to; not blank
 * @param location where it is, or {@code null} when not known (then no branch can be chosen by distance)
 * @param region   the customer's region (branches cover regions), or {@code null} when not known
 */
public record Site(String address, GeoPoint location, String region) {
    public Site {
        Objects.requireNonNull(address, "address");
        if (address.isBlank()) {
            throw new IllegalArgumentException("a site needs an address");
        }
    }
}
