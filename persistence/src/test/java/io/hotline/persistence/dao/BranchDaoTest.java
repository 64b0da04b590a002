package io.hotline.persistence.dao;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.testing.TestDatabase;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BranchDaoTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private static BranchRow shanghai;

    @BeforeAll
    static void givenABranchWithADayAndAnEveningShiftOnMondays() {
        BranchDao branches = DB.jdbi().onDemand(BranchDao.class);
        BranchRow row = Fixtures.branchRow("SH", "Asia/Shanghai");
        long id = branches.insert(row);
        shanghai = new BranchRow(id, row.code(), row.name(), row.city(), row.province(), row.address(),
                row.latitude(), row.longitude(), row.timeZone(), row.dutyManagerName(), row.dutyManagerPhone(), true);
        branches.addRegions(id, List.of("EAST", "SHANGHAI"));
        branches.addDutyShifts(List.of(
                DutyShiftRow.of(id, DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(18, 0), "Day Lead",
                        "+86 139 0000 0001"),
                DutyShiftRow.of(id, DayOfWeek.MONDAY, LocalTime.of(18, 0), LocalTime.of(23, 59, 59), "Evening Lead",
                        "+86 139 0000 0002")));
    }

    @Test
    void shouldFindTheShiftOnDutyAtADayAndTime() {
        BranchDao branches = DB.jdbi().onDemand(BranchDao.class);
        long id = shanghai.id();

        // the start is inclusive, the end exclusive
        assertThat(branches.findOnDuty(id, 1, LocalTime.of(8, 0))).get()
                .extracting(DutyShiftRow::managerName).isEqualTo("Day Lead");
        assertThat(branches.findOnDuty(id, 1, LocalTime.of(17, 59, 59))).get()
                .extracting(DutyShiftRow::managerName).isEqualTo("Day Lead");
        assertThat(branches.findOnDuty(id, 1, LocalTime.of(18, 0))).get()
                .satisfies(shift -> {
                    assertThat(shift.managerName()).isEqualTo("Evening Lead");
                    assertThat(shift.managerPhone()).isEqualTo("+8613900000002");
                    assertThat(shift.day()).isEqualTo(DayOfWeek.MONDAY);
                    assertThat(shift.startsAt()).isEqualTo(LocalTime.of(18, 0));
                    assertThat(shift.endsAt()).isEqualTo(LocalTime.of(23, 59, 59));
                });
        assertThat(branches.findOnDuty(id, 1, LocalTime.of(7, 59, 59))).isEmpty();
        assertThat(branches.findOnDuty(id, 2, LocalTime.of(9, 0))).isEmpty();
    }

    @Test
    void shouldReadTheRosterInTheBranchTimeZone() {
        // given 01:30 UTC on a Monday, which is 09:30 in Shanghai, and 23:30 UTC on Sunday (07:30 Monday there)
        Instant mondayMorningUtc = Instant.parse("2026-11-23T01:30:00Z");
        Instant sundayNightUtc = Instant.parse("2026-11-22T23:30:00Z");
        BranchDao branches = DB.jdbi().onDemand(BranchDao.class);

        // then the day shift is on duty, and before it nobody is
        assertThat(branches.findOnDuty(shanghai, mondayMorningUtc)).get()
                .extracting(DutyShiftRow::managerName).isEqualTo("Day Lead");
        assertThat(branches.findOnDuty(shanghai, sundayNightUtc)).isEmpty();
    }

    @Test
    void shouldListActiveBranchesWithCoordinatesAndByRegion() {
        // given an inactive branch in the same region
        BranchDao branches = DB.jdbi().onDemand(BranchDao.class);
        BranchRow closed = Fixtures.branchRow("ZZ-CLOSED", "Asia/Shanghai");
        long closedId = branches.insert(new BranchRow(0, closed.code(), closed.name(), closed.city(),
                closed.province(), closed.address(), 30.0, 120.0, closed.timeZone(), closed.dutyManagerName(),
                closed.dutyManagerPhone(), false));
        branches.addRegions(closedId, List.of("EAST"));

        // then only the active one is a dispatch candidate
        assertThat(branches.listActive()).containsExactly(shanghai);
        assertThat(branches.listActive().get(0).latitude()).isEqualTo(31.2);
        assertThat(branches.listActiveByRegion("EAST")).containsExactly(shanghai);
        assertThat(branches.listActiveByRegion("WEST")).isEmpty();
    }
}
