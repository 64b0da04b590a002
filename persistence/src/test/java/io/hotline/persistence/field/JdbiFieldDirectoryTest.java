package io.hotline.persistence.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.field.Branch;
import io.hotline.routing.field.DutyWindow;
import io.hotline.routing.field.Engineer;
import io.hotline.routing.field.FieldDirectory;
import io.hotline.routing.field.GeoPoint;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The field directory read from the demo organisation: every active branch with its place, regions, round-the-clock
 * roster and the product lines of its engineers; every engineer with their mobile; a branch whose engineers have no
 * product line serves every line (an empty set); an inactive branch is not dispatched to. Also the demo facts the
 * end-to-end test builds on: the two nearest branches of two customers, and their engineers' mobiles.
 */
class JdbiFieldDirectoryTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();

    @Test
    void shouldReadEveryActiveBranchWithItsRegionsRosterAndProductLines() {
        // when
        FieldDirectory directory = new JdbiFieldDirectory(DB.jdbi()).load();

        // then the 42 demo branches, each on duty around the clock, every day, in its zone
        assertThat(directory.branches()).extracting(Branch::code).contains("BR-SUZHOU", "BR-FOSHAN")
                .doesNotContain("BR-CLOSED");
        assertThat(directory.branches()).filteredOn(branch -> branch.code().startsWith("BR-")
                && !branch.code().equals("BR-NOLINES")).hasSize(42).allSatisfy(branch -> {
                    assertThat(branch.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
                    assertThat(branch.regions()).isNotEmpty();
                    assertThat(branch.productLines()).contains("ERP_U8").doesNotContain("ERP_U8_GL", "LANG_ZH");
                    assertThat(branch.roster()).hasSize(14);
                    for (DayOfWeek day : DayOfWeek.values()) {
                        assertThat(branch.roster()).filteredOn(window -> window.day() == day)
                                .extracting(DutyWindow::from, DutyWindow::to)
                                .containsExactly(tuple(LocalTime.MIDNIGHT, LocalTime.NOON),
                                        tuple(LocalTime.NOON, LocalTime.MAX));
                    }
                });
        Branch suzhou = branch(directory, "BR-SUZHOU");
        assertThat(suzhou.location()).isEqualTo(new GeoPoint(31.299, 120.5853));
        assertThat(suzhou.regions()).containsExactly("Jiangsu");
        assertThat(suzhou.productLines()).containsExactlyInAnyOrder("ERP_U8", "SMB_T3", "HR", "ERP_NC");
        assertThat(suzhou.dutyPhone()).isEqualTo("+8618671574448");
        assertThat(suzhou.roster().get(0)).isEqualTo(new DutyWindow(DayOfWeek.MONDAY, LocalTime.MIDNIGHT,
                LocalTime.NOON, "Cai Qiang", "+8618671574448"));
        assertThat(suzhou.roster().get(1)).isEqualTo(new DutyWindow(DayOfWeek.MONDAY, LocalTime.NOON,
                LocalTime.MAX, "Feng Tao", "+8613800841145"));
        assertThat(directory.engineers()).contains(new Engineer("FE-043", "BR-SUZHOU", "Wang Xiaoming",
                "+8613007683746", true));
    }

    @Test
    void shouldServeEveryLineFromABranchWithoutProductLinesAndSkipInactiveBranches() {
        // given a branch whose engineer has no product line, an inactive engineer, and an inactive branch
        DB.jdbi().useHandle(handle -> {
            handle.execute("INSERT INTO branch (code, name, city, province, address, latitude, longitude,"
                    + " duty_manager_name, duty_manager_phone) VALUES ('BR-NOLINES', 'No Lines', 'X', 'Y', 'Z',"
                    + " 30.5, 104.5, 'M', '+8613000000001')");
            handle.execute("INSERT INTO branch (code, name, city, province, address, latitude, longitude,"
                    + " duty_manager_name, duty_manager_phone, active) VALUES ('BR-CLOSED', 'Closed', 'X', 'Y', 'Z',"
                    + " 30.5, 104.5, 'M', '+8613000000002', FALSE)");
            handle.execute("INSERT INTO branch_region (branch_id, region) SELECT id, 'Sichuan' FROM branch"
                    + " WHERE code = 'BR-NOLINES'");
            handle.execute("INSERT INTO field_engineer (code, branch_id, name, mobile_phone, active) SELECT"
                    + " 'FE-NL1', id, 'Idle', '+8613000000003', FALSE FROM branch WHERE code = 'BR-NOLINES'");
        });

        // when
        FieldDirectory directory = new JdbiFieldDirectory(DB.jdbi()).load();

        // then
        Branch noLines = branch(directory, "BR-NOLINES");
        assertThat(noLines.productLines()).isEmpty();
        assertThat(noLines.roster()).isEmpty();
        assertThat(noLines.regions()).containsExactly("Sichuan");
        assertThat(directory.branches()).extracting(Branch::code).doesNotContain("BR-CLOSED");
        assertThat(directory.engineers()).contains(new Engineer("FE-NL1", "BR-NOLINES", "Idle", "+8613000000003",
                false));
    }

    @Test
    void shouldRankTheDemoCustomersNearestBranchesAsTheEndToEndTestExpects() {
        // given the demo's directory and two customers with one product line each (ERP_U8)
        FieldDirectory directory = new JdbiFieldDirectory(DB.jdbi()).load();

        // then their two nearest branches covering their region and line, and those branches' engineers
        assertThat(nearest(directory, "C00012", "ERP_U8")).containsExactly("BR-SUZHOU", "BR-WUXI");
        assertThat(nearest(directory, "C00040", "ERP_U8")).containsExactly("BR-FOSHAN", "BR-GUANGZHOU");
        assertThat(mobiles(directory, "BR-SUZHOU")).containsExactly("+8613007683746", "+8613657016777",
                "+8613719661803", "+8618827890979");
        assertThat(mobiles(directory, "BR-WUXI")).containsExactly("+8615160135738", "+8615115756884",
                "+8613832004257");
        assertThat(mobiles(directory, "BR-FOSHAN")).containsExactly("+8613503844163", "+8615159172487",
                "+8613818135986");
        assertThat(mobiles(directory, "BR-GUANGZHOU")).containsExactly("+8613322701119", "+8615998647732",
                "+8613924439593", "+8613006295818");
    }

    private static Branch branch(FieldDirectory directory, String code) {
        return directory.branches().stream().filter(branch -> branch.code().equals(code)).findFirst().orElseThrow();
    }

    /** The codes of the two nearest branches covering the customer's region and the product line. */
    private static List<String> nearest(FieldDirectory directory, String customerCode, String productLine) {
        Map<String, Object> customer = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT region, latitude,"
                + " longitude FROM customer WHERE code = :code").bind("code", customerCode).mapToMap().one());
        GeoPoint site = new GeoPoint(((Number) customer.get("latitude")).doubleValue(),
                ((Number) customer.get("longitude")).doubleValue());
        return directory.branches().stream()
                .filter(branch -> branch.regions().contains((String) customer.get("region")))
                .filter(branch -> branch.productLines().isEmpty() || branch.productLines().contains(productLine))
                .sorted(Comparator.comparingDouble(branch -> branch.location().kmTo(site)))
                .limit(2).map(Branch::code).toList();
    }

    private static List<String> mobiles(FieldDirectory directory, String branchCode) {
        return directory.engineers().stream().filter(engineer -> engineer.branchCode().equals(branchCode))
                .filter(Engineer::active).map(Engineer::mobile).toList();
    }
}
