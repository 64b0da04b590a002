package io.hotline.persistence.dao;

import java.time.Instant;
import java.util.Objects;

/**
 * A {@code customer} row: who the customer is and where the site is (for nearest-branch dispatch). Immutable.
 *
 * @param id            the database key; ignored on insert, which returns the generated one
 * @param code          the customer number
 * @param name          the organisation's name
 * @param region        the sales/service region, matched against {@code branch_region}
 * @param siteAddress   where an engineer goes
 * @param latitude      of the site, -90 to 90, stored to 6 decimals (about 0.1 m)
 * @param longitude     of the site, -180 to 180, stored to 6 decimals
 * @param contractLevel the support contract
 * @param vip           whether the customer gets VIP handling
 * @param createdAt     when the customer was recorded
 */
public record CustomerRow(
        long id, String code, String name, String region, String siteAddress, double latitude, double longitude,
        ContractLevel contractLevel, boolean vip, Instant createdAt) {

    public CustomerRow {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(siteAddress, "siteAddress");
        Objects.requireNonNull(contractLevel, "contractLevel");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
