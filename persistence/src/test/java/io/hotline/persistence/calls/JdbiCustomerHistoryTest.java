package io.hotline.persistence.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.spi.CustomerHistory;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The screen-pop's customer history on MariaDB: the card, the product lines with versions and modules, the work
 * orders that are not over (newest first), and the last calls with outcome, seat, work order and talk time; another
 * customer's rows never show.
 */
class JdbiCustomerHistoryTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();
    private static long customer;
    private static long other;

    @BeforeAll
    static void fill() {
        DB.jdbi().useHandle(handle -> {
            long finance = skill(handle, "finance", "Finance", "PRODUCT_LINE");
            long hr = skill(handle, "hr", "HR", "PRODUCT_LINE");
            long ledger = skill(handle, "ledger", "Ledger", "MODULE");
            long payables = skill(handle, "payables", "Payables", "MODULE");
            customer = customer(handle, "C0007", "上海明远机械有限公司", true);
            other = customer(handle, "C0008", "Other Ltd", false);
            long product = product(handle, customer, finance, "9.2");
            product(handle, customer, hr, "3.1");
            product(handle, other, finance, "8.0");
            handle.execute("INSERT INTO customer_product_module VALUES (?, ?), (?, ?)", product, payables, product,
                    ledger);
            long seat = handle.createUpdate("INSERT INTO seat (code, name, tier, sip_endpoint, created_at) VALUES"
                    + " ('S104', 'Zhou Min', 'TIER1', 'PJSIP/1004', '2026-01-01 00:00:00')")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            workOrder(handle, customer, "c31", "IN_PROGRESS", "月结凭证无法过账", "2026-12-01 08:00:00");
            workOrder(handle, customer, null, "NEW", "打印模板", "2026-12-05 08:00:00");
            workOrder(handle, customer, null, "CLOSED", "done", "2026-12-06 08:00:00");
            workOrder(handle, other, null, "NEW", "not theirs", "2026-12-06 09:00:00");
            call(handle, "u1", "c31", customer, "2026-12-01 08:00:00.250", "ANSWERED", seat, 312_400L);
            call(handle, "u2", "c32", customer, "2026-12-03 10:00:00", "ABANDONED", null, null);
            call(handle, "u3", "c33", other, "2026-12-04 10:00:00", "ANSWERED", seat, 10_000L);
        });
    }

    @Test
    void shouldReadTheCustomersCardProductsOpenWorkOrdersAndLastContacts() {
        CustomerHistory.History history = new JdbiCustomerHistory(DB.jdbi()).of(customer, 5).orElseThrow();

        assertThat(history.customer()).isEqualTo(new CustomerHistory.Customer(customer, "C0007", "上海明远机械有限公司",
                "PREMIUM", true, "east", "上海市浦东新区张江路 88 号"));
        assertThat(history.products()).containsExactly(
                new CustomerHistory.InstalledProduct("finance", "Finance", "9.2", List.of("ledger", "payables")),
                new CustomerHistory.InstalledProduct("hr", "HR", "3.1", List.of()));
        assertThat(history.openWorkOrders()).extracting(CustomerHistory.OpenWorkOrder::summary)
                .containsExactly("打印模板", "月结凭证无法过账");
        assertThat(history.openWorkOrders().get(1).openedAt()).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
        Long workOrder = history.openWorkOrders().get(1).id();
        assertThat(history.lastContacts()).containsExactly(
                new CustomerHistory.Contact(Instant.parse("2026-12-03T10:00:00Z"), "ABANDONED", null, null, null),
                new CustomerHistory.Contact(Instant.parse("2026-12-01T08:00:00.250Z"), "ANSWERED", "S104", workOrder,
                        312L));
    }

    @Test
    void shouldReadAsFewContactsAsAskedAndNothingForAnUnknownCustomer() {
        JdbiCustomerHistory histories = new JdbiCustomerHistory(DB.jdbi());

        assertThat(histories.of(customer, 1).orElseThrow().lastContacts()).hasSize(1);
        assertThat(histories.of(customer, 0).orElseThrow().lastContacts()).isEmpty();
        assertThat(histories.of(other, 5).orElseThrow().openWorkOrders()).extracting(
                CustomerHistory.OpenWorkOrder::summary).containsExactly("not theirs");
        assertThat(histories.of(999_999, 5)).isEmpty();
        assertThatThrownBy(() -> histories.of(customer, CustomerHistory.MAX_CONTACTS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static long skill(Handle handle, String code, String name, String kind) {
        return handle.createUpdate("INSERT INTO skill (code, name, kind) VALUES (?, ?, ?)").bind(0, code)
                .bind(1, name).bind(2, kind).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static long customer(Handle handle, String code, String name, boolean vip) {
        return handle.createUpdate("INSERT INTO customer (code, name, region, site_address, latitude, longitude,"
                + " contract_level, vip, created_at) VALUES (?, ?, 'east', '上海市浦东新区张江路 88 号', 31.2, 121.6,"
                + " 'PREMIUM', ?, '2026-01-01 00:00:00')").bind(0, code).bind(1, name).bind(2, vip)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static long product(Handle handle, long customerId, long skill, String version) {
        return handle.createUpdate("INSERT INTO customer_product (customer_id, product_skill_id, version)"
                + " VALUES (?, ?, ?)").bind(0, customerId).bind(1, skill).bind(2, version)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static void workOrder(Handle handle, long customerId, String call, String state, String summary,
                                  String at) {
        handle.createUpdate("INSERT INTO work_order (origin, asterisk_server, call_linkedid, customer_id, summary,"
                + " severity, state, tier, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'P3', ?, 'TIER1', ?, ?)")
                .bind(0, call == null ? "EMAIL" : "CALL").bind(1, call == null ? null : "pbx1").bind(2, call)
                .bind(3, customerId).bind(4, summary).bind(5, state).bind(6, at).bind(7, at).execute();
    }

    private static void call(Handle handle, String uniqueId, String linkedId, long customerId, String at,
                             String outcome, Long seat, Long talkMs) {
        handle.createUpdate("INSERT INTO call_record (asterisk_server, uniqueid, linkedid, customer_id, joined_at,"
                + " outcome, seat_id, talk_ms) VALUES ('pbx1', ?, ?, ?, ?, ?, ?, ?)").bind(0, uniqueId)
                .bind(1, linkedId).bind(2, customerId).bind(3, at).bind(4, outcome).bind(5, seat).bind(6, talkMs)
                .execute();
    }
}
