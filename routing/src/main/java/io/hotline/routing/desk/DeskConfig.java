package io.hotline.routing.desk;

import io.hotline.routing.field.FieldConfig;
import io.hotline.routing.field.FieldDirectory;
import io.hotline.routing.hours.BusinessHours;
import io.hotline.routing.sla.ServiceLevels;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The desk's settings, validated on construction.
 *
 * @param serviceLevels the response and resolution targets per severity
 * @param hotlineHours  when the hotline is staffed (tier 1's hours): a call outside them is callback work from the
 *                      next opening, and its clocks start then
 * @param contractHours contract level to the business hours its clocks count (tier 1's schedule of that
 *                      calendar, and its holidays); a level without an entry, or a work order without a contract
 *                      level, counts 24x7
 * @param reopenWindow  how long after resolution (or closure, when closed) a work order may be reopened; it is
 *                      released from the desk when the window ends after closure
 * @param supervisors   the supervisors' address for warnings
 * @param field         the field leg's deadlines ({@link FieldConfig#DEFAULT} unless set)
 * @param directory     the branches and engineers dispatch orders go to ({@link FieldDirectory#EMPTY} unless set:
 *                      then every on-site escalation is unplaced)
 */
public record DeskConfig(ServiceLevels serviceLevels, BusinessHours hotlineHours,
                         Map<String, BusinessHours> contractHours, Duration reopenWindow, String supervisors,
                         FieldConfig field, FieldDirectory directory) {

    /**
     * The published service levels, the default hotline hours, every contract 24x7, reopen within 7 days, the
     * field leg's default deadlines and no branch.
     */
    public static final DeskConfig DEFAULT = new DeskConfig(ServiceLevels.DEFAULT, BusinessHours.DEFAULT, Map.of(),
            Duration.ofDays(7), "supervisors");

    public DeskConfig {
        Objects.requireNonNull(serviceLevels, "serviceLevels");
        Objects.requireNonNull(hotlineHours, "hotlineHours");
        Objects.requireNonNull(reopenWindow, "reopenWindow");
        Objects.requireNonNull(supervisors, "supervisors");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(directory, "directory");
        contractHours = Map.copyOf(contractHours);
        if (reopenWindow.isNegative()) {
            throw new IllegalArgumentException("reopenWindow must not be negative: " + reopenWindow);
        }
        if (supervisors.isBlank()) {
            throw new IllegalArgumentException("supervisors must name whom warnings go to");
        }
        contractHours.forEach((level, hours) -> SlaCalendar.of(hours).requireOpenings(level));
    }

    /** The desk's settings with the field leg's defaults and no branch ({@link FieldDirectory#EMPTY}). */
    public DeskConfig(ServiceLevels serviceLevels, BusinessHours hotlineHours,
                      Map<String, BusinessHours> contractHours, Duration reopenWindow, String supervisors) {
        this(serviceLevels, hotlineHours, contractHours, reopenWindow, supervisors, FieldConfig.DEFAULT,
                FieldDirectory.EMPTY);
    }

    /** This configuration with other contract hours. */
    public DeskConfig withContractHours(Map<String, BusinessHours> hours) {
        return new DeskConfig(serviceLevels, hotlineHours, hours, reopenWindow, supervisors, field, directory);
    }

    /** This configuration with the field leg's deadlines and the branches and engineers it dispatches to. */
    public DeskConfig withField(FieldConfig fieldConfig, FieldDirectory fieldDirectory) {
        return new DeskConfig(serviceLevels, hotlineHours, contractHours, reopenWindow, supervisors, fieldConfig,
                fieldDirectory);
    }
}
