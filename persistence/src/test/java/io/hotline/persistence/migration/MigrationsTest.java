package io.hotline.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrationsTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.empty();

    private static final List<String> DOMAIN_TABLES = List.of(
            "skill", "customer", "customer_phone", "customer_product", "customer_product_module", "seat",
            "seat_skill", "branch", "branch_region", "branch_duty_shift", "field_engineer", "field_engineer_skill",
            "call_record", "work_order", "work_order_event", "sms_message", "satisfaction_survey",
            "callback_request", "kb_article", "routing_journal_checkpoint", "seat_state", "routing_refusal");

    @Test
    @Order(1)
    void shouldApplyEveryMigrationOnAnEmptyDatabase() {
        // given an empty database
        assertThat(tables()).isEmpty();

        // when
        int applied = DB.database().migrate();

        // then every script ran and succeeded, and every domain table exists
        int scripts = DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL")
                .mapTo(Integer.class).one());
        assertThat(applied).isPositive().isEqualTo(scripts);
        assertThat(tables()).containsAll(DOMAIN_TABLES);
        // in order, the call record's columns (V3), the seat state and refusals (V4), the articles'
        // symptoms (V5), the service desk's (V6), the accounts' (V7), the work orders' details (V8), callbacks
        // routed like calls (V9), the field leg's (V10), its notifications (V11), today's figures' indexes (V12),
        // the service-quality report's indexes (V13)
        List<String> versions = DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")
                .mapTo(String.class).list());
        assertThat(versions).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13");
        assertThat(tables()).contains("notification", "desk_refusal", "journal_parked_entry");
        assertThat(tables()).contains("account", "account_session", "person_audit");
        assertThat(tables()).contains("field_dispatch", "field_dispatch_leg", "field_step", "field_report")
                .doesNotContain("dispatch_order");
        List<String> smsColumns = DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE()"
                        + " AND table_name = 'sms_message'")
                .mapTo(String.class).list());
        assertThat(smsColumns).contains("work_order_id", "sms_key", "attempts", "next_attempt_at", "sent_at")
                .doesNotContain("dispatch_order_id");
        List<String> callRecordColumns = DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE()"
                        + " AND table_name = 'call_record'")
                .mapTo(String.class).list());
        assertThat(callRecordColumns).contains("talk_ms", "offers", "waiting_since", "journal_seq");
    }

    @Test
    @Order(2)
    void shouldApplyNothingTheSecondTime() {
        assertThat(DB.database().migrate()).isZero();
    }

    @Test
    @Order(3)
    void shouldFindCustomersByCallerNumberThroughAnIndex() {
        String plan = DB.jdbi().withHandle(handle -> handle.createQuery(
                        "EXPLAIN SELECT customer_id FROM customer_phone WHERE phone_number = :number")
                .bind("number", "+8613800000000")
                .map((resultSet, context) -> resultSet.getString("key"))
                .one());
        assertThat(plan).isEqualTo("uq_customer_phone");
    }

    private static List<String> tables() {
        return DB.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = :schema")
                .bind("schema", DB.schema())
                .mapTo(String.class).list());
    }
}
