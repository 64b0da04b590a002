package io.hotline.routing.field;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A branch that sends field engineers: where it is, what it covers, and when it is on duty. Immutable.
 *
 * @param code         the branch's code (what duty managers' accounts are bound to)
 * @param name         its name
 * @param location     where it is
 * @param zone         the time zone of its roster
 * @param regions      the regions it covers; not empty
 * @param productLines the product lines' skill codes its engineers serve; empty means every line
 * @param dutyPhone    the branch's duty phone, the default target of dispatch SMS
 * @param roster       its weekly duty shifts; a branch is on duty only inside one
 */
public record Branch(String code, String name, GeoPoint location, ZoneId zone, Set<String> regions,
                     Set<String> productLines, String dutyPhone, List<DutyWindow> roster) {
    public Branch {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(dutyPhone, "dutyPhone");
        regions = Set.copyOf(regions);
        productLines = Set.copyOf(productLines);
        roster = List.copyOf(roster);
    }
}
