package io.hotline.persistence.calls;

import io.hotline.persistence.dao.CustomerDao;
import io.hotline.persistence.dao.CustomerProduct;
import io.hotline.persistence.dao.CustomerRow;
import io.hotline.routing.spi.CallerDirectory;
import io.hotline.routing.spi.CallerProfile;
import io.hotline.routing.workorder.WorkOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Recognises callers by their number: the customer, their installed product lines (newest installation first)
 * and their most recent open work order with its owner seat. Blocking; thread-safe.
 */
public final class JdbiCallerDirectory implements CallerDirectory {
    private final Jdbi jdbi;

    public JdbiCallerDirectory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<CallerProfile> findByNumber(String callerNumber) {
        return jdbi.withHandle(handle -> {
            CustomerDao customers = handle.attach(CustomerDao.class);
            List<CustomerRow> found = customers.findByCallerNumber(callerNumber);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            // A number shared by several customers (a group switchboard) belongs to the oldest account.
            CustomerRow customer = found.stream().min(Comparator.comparingLong(CustomerRow::id)).orElseThrow();
            List<String> products = customers.listProducts(customer.id()).stream()
                    .sorted(Comparator.comparing((CustomerProduct product) -> product.product().installedOn(),
                            Comparator.nullsLast(Comparator.reverseOrder())))
                    .map(CustomerProduct::productCode).toList();
            Optional<WorkOrder> open = customers.listOpenWorkOrders(customer.id()).stream()
                    .max(Comparator.comparing(WorkOrder::createdAt));
            String owner = open.map(WorkOrder::ownerSeatId).flatMap(seatId -> handle
                    .createQuery("SELECT code FROM seat WHERE id = :id").bind("id", seatId)
                    .mapTo(String.class).findOne()).orElse(null);
            return Optional.of(new CallerProfile(customer.id(), customer.name(), customer.vip(),
                    customer.contractLevel().name(), products, open.map(WorkOrder::id).orElse(null), owner));
        });
    }
}
