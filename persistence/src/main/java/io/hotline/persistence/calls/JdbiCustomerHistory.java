package io.hotline.persistence.calls;

import io.hotline.routing.spi.CustomerHistory;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.RowView;

/**
 * A customer's card and history for the screen-pop, read in four indexed queries on one connection: the customer,
 * their product lines with versions and modules, their work orders that are not over (the desk's terminal states,
 * bound), newest first, and their last calls with outcome, seat, work order and talk time, newest first. Blocking;
 * thread-safe.
 */
public final class JdbiCustomerHistory implements CustomerHistory {
    /** The most open work orders a pop lists. */
    static final int OPEN_WORK_ORDERS = 20;
    private static final String CUSTOMER = "SELECT id, code, name, contract_level, vip, region, site_address"
            + " FROM customer WHERE id = :customer";
    private static final String PRODUCTS = "SELECT s.code, s.name, cp.version, (SELECT GROUP_CONCAT(m.code ORDER BY"
            + " m.code SEPARATOR ',') FROM customer_product_module cpm JOIN skill m ON m.id = cpm.module_skill_id"
            + " WHERE cpm.customer_product_id = cp.id) AS modules FROM customer_product cp JOIN skill s"
            + " ON s.id = cp.product_skill_id WHERE cp.customer_id = :customer ORDER BY s.code";
    private static final String OPEN = "SELECT id, state, tier, severity, COALESCE(summary, subject) AS summary,"
            + " created_at FROM work_order WHERE customer_id = :customer AND state NOT IN (<over>)"
            + " ORDER BY created_at DESC, id DESC LIMIT " + OPEN_WORK_ORDERS;
    private static final String CONTACTS = "SELECT cr.joined_at, cr.outcome, s.code AS seat, wo.id AS work_order,"
            + " cr.talk_ms FROM call_record cr LEFT JOIN seat s ON s.id = cr.seat_id"
            + " LEFT JOIN work_order wo ON wo.asterisk_server = cr.asterisk_server AND wo.call_linkedid = cr.linkedid"
            + " WHERE cr.customer_id = :customer ORDER BY cr.joined_at DESC, cr.id DESC LIMIT :limit";
    private static final List<String> OVER = Arrays.stream(WorkOrderState.values())
            .filter(WorkOrderState::isTerminal).map(Enum::name).toList();

    private final Jdbi jdbi;

    /** @param jdbi the database's, with its UTC instant mapping */
    public JdbiCustomerHistory(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Optional<History> of(long customerId, int contacts) {
        if (contacts < 0 || contacts > MAX_CONTACTS) {
            throw new IllegalArgumentException("contacts must be 0 to " + MAX_CONTACTS + ": " + contacts);
        }
        return jdbi.withHandle(handle -> read(handle, customerId, contacts));
    }

    private static Optional<History> read(Handle handle, long customerId, int contacts) {
        Optional<Customer> customer = handle.createQuery(CUSTOMER).bind("customer", customerId)
                .map(row -> new Customer(row.getColumn("id", Long.class), row.getColumn("code", String.class),
                        row.getColumn("name", String.class), row.getColumn("contract_level", String.class),
                        row.getColumn("vip", Boolean.class), row.getColumn("region", String.class),
                        row.getColumn("site_address", String.class))).findOne();
        if (customer.isEmpty()) {
            return Optional.empty();
        }
        List<InstalledProduct> products = handle.createQuery(PRODUCTS).bind("customer", customerId)
                .map(row -> new InstalledProduct(row.getColumn("code", String.class),
                        row.getColumn("name", String.class), row.getColumn("version", String.class),
                        modules(row.getColumn("modules", String.class)))).list();
        List<OpenWorkOrder> open = handle.createQuery(OPEN).bind("customer", customerId).bindList("over", OVER)
                .map(row -> new OpenWorkOrder(row.getColumn("id", Long.class), row.getColumn("state", String.class),
                        row.getColumn("tier", String.class), row.getColumn("severity", String.class),
                        row.getColumn("summary", String.class), row.getColumn("created_at", Instant.class))).list();
        List<Contact> last = contacts == 0 ? List.of() : handle.createQuery(CONTACTS).bind("customer", customerId)
                .bind("limit", contacts).map(JdbiCustomerHistory::contact).list();
        return Optional.of(new History(customer.get(), products, open, last));
    }

    private static Contact contact(RowView row) {
        Long talkMs = row.getColumn("talk_ms", Long.class);
        return new Contact(row.getColumn("joined_at", Instant.class), row.getColumn("outcome", String.class),
                row.getColumn("seat", String.class), row.getColumn("work_order", Long.class),
                talkMs == null ? null : talkMs / 1000);
    }

    private static List<String> modules(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }
}
