package io.hotline.persistence.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.calls.IndexedCallerDirectory;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.spi.CallerProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Imports the example organisation of docs/import into a real database, in method order. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrganisationImportTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private static final List<String> TABLES = List.of("skill", "seat", "seat_skill", "branch", "branch_region",
            "branch_duty_shift", "field_engineer", "field_engineer_skill", "customer", "customer_phone",
            "customer_product", "customer_product_module");

    @Test
    @Order(1)
    void shouldReportEveryProblemWithItsFileLineAndColumnAndWriteNothing(@TempDir Path directory) {
        // given the examples with mistakes in three files and a misnamed file
        ImportFixtures.copyOfExamples(directory);
        ImportFixtures.edit(directory, "seats.csv", "S102,李娜,TIER1", "S102,李娜,TIER4");
        ImportFixtures.edit(directory, "seats.csv", "HR_PAY:2", "HR_PAYROLL:2");
        ImportFixtures.edit(directory, "engineers.csv", "FE-SH-02,David Xu 徐大卫,SH", "FE-SH-02,David Xu 徐大卫,HZ");
        ImportFixtures.edit(directory, "customers.csv", "39.911000", "93.911000");
        ImportFixtures.edit(directory, "customers.csv", "MAIN:(020) 8333 1688", "MAIN:ask reception");
        ImportFixtures.write(directory, "seat.csv", "code\n");

        // when
        ImportOutcome outcome = OrganisationImport.run(DB.jdbi(), directory, true);

        // then every problem is listed, by file and line
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.problems()).extracting(ImportProblem::toString).containsExactly(
                "seats.csv:3: tier: 'TIER4' is not one of TIER1, TIER2, EXPERT",
                "engineers.csv:5: branch: 'HZ' is not a branch in branches.csv or in the database",
                "customers.csv:2: latitude: '93.911000' is not between -90 and 90 with at most 6 decimals",
                "customers.csv:7: phones: 'ask reception' is not a phone number (3 to 20 digits, an optional "
                        + "leading '+', spaces, dashes, dots or parentheses between them)",
                "seat.csv: is not an import file (the files are skills.csv, seats.csv, branches.csv, rosters.csv, "
                        + "engineers.csv, customers.csv, products.csv)");
        assertThat(counts()).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
    }

    @Test
    @Order(2)
    void shouldReportAnUnknownSkillOfASeatWhoseOtherFieldsAreFine(@TempDir Path directory) {
        ImportFixtures.copyOfExamples(directory);
        ImportFixtures.edit(directory, "seats.csv", "HR_PAY:2", "HR_PAYROLL:2");

        ImportOutcome outcome = OrganisationImport.run(DB.jdbi(), directory, false);

        assertThat(outcome.problems()).extracting(ImportProblem::toString).containsExactly(
                "seats.csv:3: skills: 'HR_PAYROLL' is not a skill in skills.csv or in the database");
        assertThat(counts().get("seat")).isZero();
    }

    @Test
    @Order(3)
    void shouldLoadTheExampleOrganisation() {
        // when
        ImportOutcome outcome = OrganisationImport.run(DB.jdbi(), ImportFixtures.EXAMPLES, false);

        // then every row is added
        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.summary().counts()).extracting(ImportSummary.Count::kind, ImportSummary.Count::added)
                .containsExactly(tuple("skills", 11), tuple("seats", 7), tuple("branches", 3), tuple("rosters", 17),
                        tuple("engineers", 5), tuple("customers", 6), tuple("products", 9));
        assertThat(counts()).containsEntry("seat_skill", 30L).containsEntry("branch_region", 9L)
                .containsEntry("customer_phone", 10L).containsEntry("customer_product_module", 13L);
        // and the Chinese text, quoted commas and line breaks are stored as written
        assertThat(text("SELECT name FROM seat WHERE code = 'S101'")).isEqualTo("王芳");
        assertThat(text("SELECT name FROM skill WHERE code = 'ERP_AP'")).isEqualTo("应付账款, 付款 Payables");
        assertThat(text("SELECT site_address FROM customer WHERE code = 'C0002'"))
                .isEqualTo("上海市浦东新区张杨路500号\n华润时代广场18楼");
        assertThat(text("SELECT p.code FROM skill s JOIN skill p ON p.id = s.parent_id WHERE s.code = 'HR_PAY'"))
                .isEqualTo("HR");
        assertThat(text("SELECT CONCAT(day_of_week, ' ', starts_at, '-', ends_at) FROM branch_duty_shift d"
                + " JOIN branch b ON b.id = d.branch_id WHERE b.code = 'GZ' ORDER BY day_of_week, starts_at LIMIT 1"))
                .isEqualTo("1 08:30:00-12:00:00");
        // phones are stored in the normal form the caller look-up uses
        assertThat(text("SELECT duty_manager_phone FROM branch WHERE code = 'GZ'")).isEqualTo("02038880003");
        assertThat(text("SELECT mobile_phone FROM field_engineer WHERE code = 'FE-BJ-01'"))
                .isEqualTo("+8613910000001");
    }

    @Test
    @Order(4)
    void shouldRecogniseAnImportedCustomerCallingInAnyFormat() {
        CallerProfile caller;
        try (IndexedCallerDirectory directory = new IndexedCallerDirectory(DB.jdbi(), "pbx1", Duration.ofHours(1))) {
            directory.start();
            caller = directory.recall("+86-138-0013-8000").orElseThrow();
        }

        assertThat(caller.customerId()).isEqualTo(Long.parseLong(text("SELECT c.id FROM customer c JOIN"
                + " customer_phone p ON p.customer_id = c.id WHERE c.name = '北京华联商厦有限公司'"
                + " AND p.phone_number = '+8613800138000'")));
        assertThat(caller.vip()).isTrue();
        assertThat(caller.productSkills()).containsExactlyInAnyOrder("ERP", "POS");
    }

    @Test
    @Order(5)
    void shouldChangeNothingTheSecondTime() {
        Map<String, Long> before = counts();

        ImportOutcome outcome = OrganisationImport.run(DB.jdbi(), ImportFixtures.EXAMPLES, false);

        assertThat(outcome.summary().changed()).isZero();
        assertThat(outcome.summary().counts()).extracting(ImportSummary.Count::unchanged)
                .containsExactly(11, 7, 3, 17, 5, 6, 9);
        assertThat(outcome.summary().lines()).last().isEqualTo("0 changed.");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    @Order(6)
    void shouldWriteNothingWhenOneRowIsWrong(@TempDir Path directory) {
        // given edits that would change three files, and one bad roster row
        ImportFixtures.copyOfExamples(directory);
        ImportFixtures.edit(directory, "seats.csv", "S101,王芳", "S101,王芳芳");
        ImportFixtures.edit(directory, "customers.csv", "C0003,苏州金桥", "C0003,苏州金桥新");
        ImportFixtures.edit(directory, "rosters.csv", "SH,Fri,09:00,18:00", "SH,Fri,18:00,09:00");

        // when
        ImportOutcome outcome = OrganisationImport.run(DB.jdbi(), directory, false);

        // then
        assertThat(outcome.problems()).extracting(ImportProblem::toString).containsExactly("rosters.csv:12: ends_at:"
                + " 09:00 is not after starts_at 18:00 (a shift over midnight is two rows, the second starting"
                + " at 00:00)");
        assertThat(text("SELECT name FROM seat WHERE code = 'S101'")).isEqualTo("王芳");
        assertThat(text("SELECT name FROM customer WHERE code = 'C0003'")).isEqualTo("苏州金桥精密机械有限公司");
    }

    @Test
    @Order(7)
    void shouldUpdateSwapEndpointsReplaceListsAndRemoveUnlistedShiftsAndProducts(@TempDir Path directory) {
        // given two seats swapping phones, a changed skill list, a dropped shift and a dropped product
        ImportFixtures.copyOfExamples(directory);
        ImportFixtures.edit(directory, "seats.csv", "PJSIP/1101", "PJSIP/TMP");
        ImportFixtures.edit(directory, "seats.csv", "PJSIP/1102", "PJSIP/1101");
        ImportFixtures.edit(directory, "seats.csv", "PJSIP/TMP", "PJSIP/1102");
        ImportFixtures.edit(directory, "seats.csv", "ERP:4; ERP_GL:3; ZH:5", "ERP:5; EN:2");
        ImportFixtures.edit(directory, "rosters.csv", "BJ,6,09:00,13:00,孙磊,+86 139 1000 0001\n", "");
        ImportFixtures.edit(directory, "products.csv", "C0001,POS,POS 5.2,2025-06-01,2026-05-31,\n", "");

        // when first dry-run, then imported
        ImportOutcome dryRun = OrganisationImport.run(DB.jdbi(), directory, true);
        Map<String, Long> afterDryRun = counts();
        ImportOutcome outcome = OrganisationImport.run(DB.jdbi(), directory, false);

        // then the dry run counted what the import did
        assertThat(dryRun.summary().counts()).isEqualTo(outcome.summary().counts());
        assertThat(afterDryRun).containsEntry("branch_duty_shift", 17L);
        assertThat(outcome.summary().count("seats")).isEqualTo(new ImportSummary.Count("seats", 0, 2, 5, 0));
        assertThat(outcome.summary().count("rosters")).isEqualTo(new ImportSummary.Count("rosters", 0, 0, 16, 1));
        assertThat(outcome.summary().count("products"))
                .isEqualTo(new ImportSummary.Count("products", 0, 0, 8, 1));
        assertThat(text("SELECT sip_endpoint FROM seat WHERE code = 'S101'")).isEqualTo("PJSIP/1102");
        assertThat(text("SELECT sip_endpoint FROM seat WHERE code = 'S102'")).isEqualTo("PJSIP/1101");
        assertThat(text("SELECT GROUP_CONCAT(k.code, ':', ss.proficiency ORDER BY k.code) FROM seat_skill ss"
                + " JOIN seat s ON s.id = ss.seat_id JOIN skill k ON k.id = ss.skill_id WHERE s.code = 'S101'"))
                .isEqualTo("EN:2,ERP:5");
        assertThat(counts()).containsEntry("branch_duty_shift", 16L).containsEntry("customer_product", 8L);
        assertThat(OrganisationImport.run(DB.jdbi(), directory, false).summary().changed()).isZero();
    }

    @Test
    @Order(8)
    void shouldRefuseAnEndpointThatAnotherSeatKeeps(@TempDir Path directory) {
        ImportFixtures.write(directory, "seats.csv", "code,name,tier,sip_endpoint\nS999,New Seat,TIER1,PJSIP/1101\n");

        ImportOutcome outcome = OrganisationImport.run(DB.jdbi(), directory, false);

        assertThat(outcome.problems()).extracting(ImportProblem::toString).containsExactly(
                "seats.csv:2: sip_endpoint: PJSIP/1101 belongs to seat S102 in the database");
    }

    @Test
    @Order(9)
    void shouldRefuseACodeThatDiffersOnlyInCaseFromOneInTheDatabase(@TempDir Path directory) {
        ImportFixtures.write(directory, "branches.csv", "code,name,city,province,address,latitude,longitude,regions,"
                + "duty_manager_name,duty_manager_phone\n"
                + "bj,北京二部,北京,北京市,北京市海淀区,39.98,116.31,北京市,王强,+86 138 0000 1111\n"
                + "HZ,杭州分公司,杭州,浙江省,杭州市西湖区,30.27,120.15,浙江省; 浙江省,陈静,+86 138 0000 2222\n");

        ImportOutcome outcome = OrganisationImport.run(DB.jdbi(), directory, false);

        assertThat(outcome.problems()).extracting(ImportProblem::toString).containsExactly(
                "branches.csv:2: code: 'bj' differs only in case from BJ in the database; codes are compared without"
                        + " regard to case",
                "branches.csv:3: regions: region '浙江省' is listed twice");
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private static String text(String sql) {
        return DB.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(String.class).one());
    }

    private static Map<String, Long> counts() {
        return DB.jdbi().withHandle(handle -> {
            Map<String, Long> counts = new java.util.LinkedHashMap<>();
            for (String table : TABLES) {
                counts.put(table, handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
            }
            return counts;
        });
    }
}
