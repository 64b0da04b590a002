package io.hotline.persistence.calls;

import io.hotline.persistence.dao.PhoneNumbers;
import io.hotline.routing.spi.CallerProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The database's answers about callers: one caller's profile by number (the customer, their installed product
 * lines, newest installation first, and their most recent open work order with its owner seat, in one query), the
 * profiles of a few customers, and every customer at once into a {@link CallerIndex}. A number shared by several
 * customers (a group switchboard) belongs to the oldest account. Blocking; thread-safe.
 */
final class CallerQueries {
    /** The skill codes of the customer's products, newest installation first. */
    private static final String PRODUCTS = "(SELECT GROUP_CONCAT(s.code ORDER BY cp.installed_on IS NULL,"
            + " cp.installed_on DESC, s.code, cp.id SEPARATOR ',') FROM customer_product cp JOIN skill s"
            + " ON s.id = cp.product_skill_id WHERE cp.customer_id = c.id) AS products";
    /** The customer's most recent open work order is found once, and its owner's code joined to it. */
    private static final String PROFILE = "SELECT p.phone_number, c.id, c.vip, c.contract_level, " + PRODUCTS + ","
            + " wo.id AS open_work_order, owner_seat.code AS owner"
            + " FROM customer_phone p JOIN customer c ON c.id = p.customer_id"
            + " LEFT JOIN work_order wo ON wo.id = (SELECT w.id FROM work_order w WHERE w.customer_id = c.id"
            + " AND w.state NOT IN ('CLOSED', 'CANCELLED') ORDER BY w.created_at DESC, w.id LIMIT 1)"
            + " LEFT JOIN seat owner_seat ON owner_seat.id = wo.owner_seat_id";
    private static final String BY_NUMBER = PROFILE + " WHERE p.phone_number = :number ORDER BY c.id LIMIT 1";
    /** Every number of the customers, each with the profile of the oldest account that has it. */
    private static final String BY_CUSTOMERS = PROFILE + " WHERE p.phone_number IN (SELECT phone_number FROM"
            + " customer_phone WHERE customer_id IN (<customers>)) ORDER BY c.id";
    /** Streamed: MySQL Connector/J sends rows one by one only for this fetch size. */
    private static final int STREAM = Integer.MIN_VALUE;

    private final Jdbi jdbi;

    CallerQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The profile behind a number in {@link PhoneNumbers}' normal form. */
    Optional<CallerProfile> findByNormalised(String number) {
        return jdbi.withHandle(handle -> handle.createQuery(BY_NUMBER).bind("number", number)
                .map((row, context) -> profile(row.getLong("id"), row.getBoolean("vip"),
                        row.getString("contract_level"), row.getString("products"),
                        row.getObject("open_work_order", Long.class), row.getString("owner"))).findOne());
    }

    /** The profile behind each number of {@code customers} (a number two of them share: the older one's). */
    Map<String, CallerProfile> profilesOf(List<Long> customers) {
        Map<String, CallerProfile> byNumber = new LinkedHashMap<>();
        if (customers.isEmpty()) {
            return byNumber;
        }
        jdbi.useHandle(handle -> handle.createQuery(BY_CUSTOMERS).bindList("customers", customers)
                .map((row, context) -> Map.entry(row.getString("phone_number"), profile(row.getLong("id"),
                        row.getBoolean("vip"), row.getString("contract_level"), row.getString("products"),
                        row.getObject("open_work_order", Long.class), row.getString("owner"))))
                .forEach(entry -> byNumber.putIfAbsent(entry.getKey(), entry.getValue())));
        return byNumber;
    }

    /** The customers of the work orders of these calls (of {@code asteriskServer}). */
    List<Long> customersOfCalls(String asteriskServer, List<String> callIds) {
        if (callIds.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> handle.createQuery("SELECT DISTINCT customer_id FROM work_order"
                        + " WHERE asterisk_server = :server AND call_linkedid IN (<calls>)"
                        + " AND customer_id IS NOT NULL")
                .bind("server", asteriskServer).bindList("calls", callIds).mapTo(Long.class).list());
    }

    /** Every customer, number, product and open work order, read in one consistent snapshot, streamed. */
    CallerIndex loadAll() {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, this::loadAll);
    }

    private CallerIndex loadAll(Handle handle) {
        CallerIndex.Builder builder = new CallerIndex.Builder();
        handle.createQuery("SELECT id, vip, contract_level FROM customer ORDER BY id").setFetchSize(STREAM)
                .map((row, context) -> {
                    builder.customer(row.getLong("id"), row.getBoolean("vip"), row.getString("contract_level"));
                    return Boolean.TRUE;
                }).forEach(ignored -> { });
        handle.createQuery("SELECT cp.customer_id, s.code FROM customer_product cp JOIN skill s"
                        + " ON s.id = cp.product_skill_id"
                        + " ORDER BY cp.customer_id, cp.installed_on IS NULL, cp.installed_on DESC, s.code, cp.id")
                .setFetchSize(STREAM).map((row, context) -> {
                    builder.product(row.getLong("customer_id"), row.getString("code"));
                    return Boolean.TRUE;
                }).forEach(ignored -> { });
        handle.createQuery("SELECT w.customer_id, w.id, owner_seat.code AS owner FROM work_order w"
                        + " LEFT JOIN seat owner_seat ON owner_seat.id = w.owner_seat_id"
                        + " WHERE w.customer_id IS NOT NULL AND w.state NOT IN ('CLOSED', 'CANCELLED')"
                        + " ORDER BY w.customer_id, w.created_at DESC, w.id")
                .setFetchSize(STREAM).map((row, context) -> {
                    builder.openWorkOrder(row.getLong("customer_id"), row.getLong("id"), row.getString("owner"));
                    return Boolean.TRUE;
                }).forEach(ignored -> { });
        handle.createQuery("SELECT phone_number, customer_id FROM customer_phone ORDER BY customer_id, id")
                .setFetchSize(STREAM).map((row, context) -> {
                    builder.phone(row.getString("phone_number"), row.getLong("customer_id"));
                    return Boolean.TRUE;
                }).forEach(ignored -> { });
        return builder.build();
    }

    static CallerProfile profile(long customer, boolean vip, String level, String products, Long openWorkOrder,
                                 String owner) {
        return new CallerProfile(customer, vip, level, products == null ? List.of() : List.of(products.split(",")),
                openWorkOrder, owner);
    }
}
