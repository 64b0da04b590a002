package io.hotline.persistence.calls;

import io.hotline.persistence.dao.PhoneNumbers;
import io.hotline.routing.spi.CallerDirectory;
import io.hotline.routing.spi.CallerProfile;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Recognises callers by their number: the customer, their installed product lines (newest installation first)
 * and their most recent open work order with its owner seat, in one query (a caller waits on it before being
 * queued). A number shared by several customers (a group switchboard) belongs to the oldest account. Blocking;
 * thread-safe.
 */
public final class JdbiCallerDirectory implements CallerDirectory {
    /** The customer's most recent open work order is found once, and its owner's code joined to it. */
    private static final String PROFILE = "SELECT c.id, c.name, c.vip, c.contract_level,"
            + " (SELECT GROUP_CONCAT(s.code ORDER BY cp.installed_on IS NULL, cp.installed_on DESC, s.code, cp.id"
            + " SEPARATOR ',') FROM customer_product cp JOIN skill s ON s.id = cp.product_skill_id"
            + " WHERE cp.customer_id = c.id) AS products,"
            + " wo.id AS open_work_order, owner_seat.code AS owner"
            + " FROM customer_phone p JOIN customer c ON c.id = p.customer_id"
            + " LEFT JOIN work_order wo ON wo.id = (SELECT w.id FROM work_order w WHERE w.customer_id = c.id"
            + " AND w.state NOT IN ('CLOSED', 'CANCELLED') ORDER BY w.created_at DESC, w.id LIMIT 1)"
            + " LEFT JOIN seat owner_seat ON owner_seat.id = wo.owner_seat_id"
            + " WHERE p.phone_number = :number ORDER BY c.id LIMIT 1";

    private final Jdbi jdbi;

    public JdbiCallerDirectory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<CallerProfile> findByNumber(String callerNumber) {
        Optional<String> number = PhoneNumbers.tryNormalise(callerNumber);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        return jdbi.withHandle(handle -> handle.createQuery(PROFILE).bind("number", number.get())
                .map((row, context) -> {
                    String products = row.getString("products");
                    return new CallerProfile(row.getLong("id"), row.getString("name"), row.getBoolean("vip"),
                            row.getString("contract_level"), products == null ? List.of()
                            : List.of(products.split(",")), row.getObject("open_work_order", Long.class),
                            row.getString("owner"));
                }).findOne());
    }
}
