package io.hotline.app.field;

import io.hotline.persistence.dao.CustomerDao;
import io.hotline.persistence.dao.CustomerRow;
import io.hotline.routing.field.GeoPoint;
import io.hotline.routing.field.Site;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.jdbi.v3.core.Jdbi;

/**
 * Where an on-site engineer goes: the customer's site from their record (its place and region, which choose the
 * nearest branch), at the address the person escalating gave, or the record's address when they gave none. A work
 * order without a known customer gets a site without a place: the desk then leaves it unplaced and alerts
 * headquarters, which places it by hand.
 * <p>
 * Thread-safe; the look-up runs on the given executor (it blocks on the database).
 */
public final class CustomerSites {
    private final Jdbi jdbi;
    private final Executor blocking;

    public CustomerSites(Jdbi jdbi, Executor blocking) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
    }

    /**
     * The site of customer {@code customerId} at {@code address}.
     *
     * @param customerId the work order's customer, or {@code null}
     * @param address    the address given, or {@code null}/blank for the customer's own
     * @return the site; fails with {@link IllegalArgumentException} when no address is known at all
     */
    public CompletionStage<Site> site(Long customerId, String address) {
        if (customerId == null) {
            return CompletableFuture.supplyAsync(() -> of(Optional.empty(), address), blocking);
        }
        return CompletableFuture.supplyAsync(() -> of(jdbi.withExtension(CustomerDao.class,
                dao -> dao.findById(customerId)), address), blocking);
    }

    static Site of(Optional<CustomerRow> customer, String address) {
        String given = address == null || address.isBlank() ? null : address.strip();
        if (customer.isEmpty()) {
            if (given == null) {
                throw new IllegalArgumentException("an on-site escalation needs the customer's site (the address to"
                        + " go to): the work order has no known customer");
            }
            return new Site(given, null, null);
        }
        CustomerRow row = customer.get();
        return new Site(given == null ? row.siteAddress() : given, new GeoPoint(row.latitude(), row.longitude()),
                row.region());
    }
}
