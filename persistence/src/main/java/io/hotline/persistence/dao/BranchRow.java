package io.hotline.persistence.dao;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A {@code branch} row: a service branch, where it is, and its default duty manager. Immutable.
 *
 * @param id               the database key; ignored on insert, which returns the generated one
 * @param code             the branch code
 * @param name             the display name
 * @param city             the city
 * @param province         the province
 * @param address          the street address
 * @param latitude         -90 to 90, stored to 6 decimals
 * @param longitude        -180 to 180, stored to 6 decimals
 * @param timeZone         the IANA zone its duty roster is written in, e.g. {@code Asia/Shanghai}
 * @param dutyManagerName  who receives dispatch orders when no duty shift covers the moment
 * @param dutyManagerPhone that person's number, normalised by the constructor
 * @param active           whether orders may be dispatched to it
 */
public record BranchRow(
        long id, String code, String name, String city, String province, String address, double latitude,
        double longitude, String timeZone, String dutyManagerName, String dutyManagerPhone, boolean active) {

    public BranchRow {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(province, "province");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(dutyManagerName, "dutyManagerName");
        // Fail at insert on a zone findOnDuty could not read later.
        ZoneId.of(timeZone);
        dutyManagerPhone = PhoneNumbers.normalise(dutyManagerPhone);
    }

    /** The zone of {@link #timeZone()}. */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
