package io.hotline.persistence.dao;

import io.hotline.routing.workorder.WorkOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.result.RowReducer;
import org.jdbi.v3.core.result.RowView;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowReducer;

/**
 * Customers, the numbers they call from, their installed products, and their open work orders: what a seat's
 * screen-pop shows when a call arrives. Thread-safe when obtained with {@code Jdbi.onDemand}; confined to its
 * handle's thread when attached.
 */
@RegisterConstructorMapper(CustomerRow.class)
@RegisterConstructorMapper(CustomerProductRow.class)
@RegisterConstructorMapper(WorkOrder.class)
public interface CustomerDao {

    /** Inserts a customer; returns its id. Fails on a duplicate code ({@code uq_customer_code}). */
    @SqlUpdate("INSERT INTO customer (code, name, region, site_address, latitude, longitude, contract_level, vip,"
            + " created_at) VALUES (:code, :name, :region, :siteAddress, :latitude, :longitude, :contractLevel,"
            + " :vip, :createdAt)")
    @GetGeneratedKeys("id")
    long insert(@BindMethods CustomerRow customer);

    /**
     * Adds phone numbers (already normalised by {@link CustomerPhone}) in one JDBC batch, which the driver
     * rewrites into multi-row inserts. Fails on a number the customer already has ({@code uq_customer_phone});
     * the same number may belong to several customers (a shared switchboard).
     */
    @SqlBatch("INSERT INTO customer_phone (customer_id, phone_number, label) VALUES (:customerId, :phoneNumber,"
            + " :label)")
    void addPhones(@BindMethods Iterable<CustomerPhone> phones);

    /** Records a product installed at a customer; returns the {@code customer_product} id. */
    @SqlUpdate("INSERT INTO customer_product (customer_id, product_skill_id, version, installed_on,"
            + " licence_expires_on) VALUES (:customerId, :productSkillId, :version, :installedOn, :licenceExpiresOn)")
    @GetGeneratedKeys("id")
    long addProduct(@BindMethods CustomerProductRow product);

    /** Records the modules installed with a customer's product, in one batch. */
    @SqlBatch("INSERT INTO customer_product_module (customer_product_id, module_skill_id)"
            + " VALUES (:customerProductId, :moduleSkillId)")
    void addModules(@Bind("customerProductId") long customerProductId,
                    @Bind("moduleSkillId") Iterable<Long> moduleSkillIds);

    /** The customer with this id. */
    @SqlQuery("SELECT id, code, name, region, site_address, latitude, longitude, contract_level, vip, created_at"
            + " FROM customer WHERE id = :id")
    Optional<CustomerRow> findById(@Bind("id") long id);

    /**
     * The customers who have this number, by code. The number is normalised first; a caller id that is not a
     * number ({@code anonymous}, {@code unknown}, empty) matches no one rather than failing. Usually one
     * customer; several when they share a switchboard, and the seat picks.
     */
    default List<CustomerRow> findByCallerNumber(String callerNumber) {
        return PhoneNumbers.tryNormalise(callerNumber).map(this::findByNormalisedNumber).orElse(List.of());
    }

    /** {@link #findByCallerNumber(String)} for an already normalised number; uses {@code uq_customer_phone}. */
    @SqlQuery("SELECT c.id, c.code, c.name, c.region, c.site_address, c.latitude, c.longitude,"
            + " c.contract_level, c.vip, c.created_at FROM customer_phone p JOIN customer c ON c.id = p.customer_id"
            + " WHERE p.phone_number = :number ORDER BY c.code")
    List<CustomerRow> findByNormalisedNumber(@Bind("number") String normalisedNumber);

    /** The customer's installed products with the codes of their modules, by product code. */
    @SqlQuery("SELECT cp.id, cp.customer_id, cp.product_skill_id, cp.version, cp.installed_on,"
            + " cp.licence_expires_on, p.code AS product_code, p.name AS product_name, m.code AS module_code"
            + " FROM customer_product cp"
            + " JOIN skill p ON p.id = cp.product_skill_id"
            + " LEFT JOIN customer_product_module cpm ON cpm.customer_product_id = cp.id"
            + " LEFT JOIN skill m ON m.id = cpm.module_skill_id"
            + " WHERE cp.customer_id = :customerId ORDER BY p.code, cp.id, m.code")
    @UseRowReducer(ProductReducer.class)
    List<CustomerProduct> listProducts(@Bind("customerId") long customerId);

    /** The customer's work orders that are not closed or cancelled, oldest first. */
    @SqlQuery("SELECT " + WorkOrderColumns.SELECT_LIST + " FROM work_order wo WHERE wo.customer_id = :customerId"
            + " AND wo.state NOT IN ('CLOSED', 'CANCELLED') ORDER BY wo.created_at, wo.id")
    List<WorkOrder> listOpenWorkOrders(@Bind("customerId") long customerId);

    /**
     * Folds the product x module join into one {@link CustomerProduct} per product. Not API; Jdbi creates one per
     * query, confined to the thread running it.
     */
    final class ProductReducer implements RowReducer<Map<Long, ProductReducer.Product>, CustomerProduct> {

        @Override
        public Map<Long, Product> container() {
            return new LinkedHashMap<>();
        }

        @Override
        public void accumulate(Map<Long, Product> container, RowView row) {
            Product product = container.computeIfAbsent(row.getColumn("id", Long.class), id -> new Product(
                    row.getRow(CustomerProductRow.class), row.getColumn("product_code", String.class),
                    row.getColumn("product_name", String.class)));
            String module = row.getColumn("module_code", String.class);
            if (module != null) {
                product.moduleCodes.add(module);
            }
        }

        @Override
        public Stream<CustomerProduct> stream(Map<Long, Product> container) {
            return container.values().stream().map(Product::toCustomerProduct);
        }

        /** One product while its module rows are gathered; confined to the reducing thread. */
        static final class Product {
            private final CustomerProductRow row;
            private final String code;
            private final String name;
            private final List<String> moduleCodes = new ArrayList<>();

            Product(CustomerProductRow row, String code, String name) {
                this.row = row;
                this.code = code;
                this.name = name;
            }

            CustomerProduct toCustomerProduct() {
                return new CustomerProduct(row, code, name, moduleCodes);
            }
        }
    }
}
