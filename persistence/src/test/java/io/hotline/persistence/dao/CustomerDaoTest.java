package io.hotline.persistence.dao;

import static io.hotline.persistence.dao.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrder;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CustomerDaoTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    @Test
    void shouldFindTheCallerAndTheirProductsByCallerNumber() {
        // given a customer with a formatted number, an ERP with two modules and a CRM without any
        CustomerDao customers = DB.jdbi().onDemand(CustomerDao.class);
        long erp = Fixtures.skill(DB.jdbi(), "ERP", SkillKind.PRODUCT_LINE, null);
        long hr = Fixtures.skill(DB.jdbi(), "ERP-HR", SkillKind.MODULE, erp);
        long fin = Fixtures.skill(DB.jdbi(), "ERP-FIN", SkillKind.MODULE, erp);
        long crm = Fixtures.skill(DB.jdbi(), "CRM", SkillKind.PRODUCT_LINE, null);
        long acme = Fixtures.customer(DB.jdbi(), "ACME");
        Fixtures.customer(DB.jdbi(), "OTHER");
        customers.addPhones(List.of(new CustomerPhone(acme, "+86 (21) 6552-1234", "switchboard")));
        long erpAtAcme = customers.addProduct(new CustomerProductRow(0, acme, erp, "9.2",
                LocalDate.of(2024, 3, 1), LocalDate.of(2027, 2, 28)));
        customers.addModules(erpAtAcme, List.of(hr, fin));
        customers.addProduct(new CustomerProductRow(0, acme, crm, "3.0", null, null));

        // when the caller id arrives as Asterisk presents it
        List<CustomerRow> callers = customers.findByCallerNumber("+862165521234");

        // then it is the customer, with both products and the ERP's modules
        assertThat(callers).singleElement().satisfies(customer -> {
            assertThat(customer.id()).isEqualTo(acme);
            assertThat(customer.code()).isEqualTo("ACME");
            assertThat(customer.latitude()).isEqualTo(31.230416);
            assertThat(customer.longitude()).isEqualTo(121.473701);
            assertThat(customer.createdAt()).isEqualTo(T0);
        });
        List<CustomerProduct> products = customers.listProducts(callers.get(0).id());
        assertThat(products).extracting(CustomerProduct::productCode).containsExactly("CRM", "ERP");
        assertThat(products.get(0).moduleCodes()).isEmpty();
        assertThat(products.get(0).product().installedOn()).isNull();
        assertThat(products.get(1).moduleCodes()).containsExactly("ERP-FIN", "ERP-HR");
        assertThat(products.get(1).product()).isEqualTo(new CustomerProductRow(erpAtAcme, acme, erp, "9.2",
                LocalDate.of(2024, 3, 1), LocalDate.of(2027, 2, 28)));
    }

    @Test
    void shouldFindNoOneForAnAnonymousOrUnknownCaller() {
        CustomerDao customers = DB.jdbi().onDemand(CustomerDao.class);

        assertThat(customers.findByCallerNumber("anonymous")).isEmpty();
        assertThat(customers.findByCallerNumber(null)).isEmpty();
        assertThat(customers.findByCallerNumber("+1 555 000 0000")).isEmpty();
    }

    @Test
    void shouldFindEveryCustomerSharingANumber() {
        // given two customers behind one switchboard
        CustomerDao customers = DB.jdbi().onDemand(CustomerDao.class);
        long park = Fixtures.customer(DB.jdbi(), "PARK-A");
        long tower = Fixtures.customer(DB.jdbi(), "PARK-B");
        customers.addPhones(List.of(new CustomerPhone(park, "0571 8888 0000", "park reception"),
                new CustomerPhone(tower, "0571-8888-0000", "park reception")));

        // when
        List<CustomerRow> callers = customers.findByCallerNumber("057188880000");

        // then the seat is offered both
        assertThat(callers).extracting(CustomerRow::id).containsExactly(park, tower);
    }

    @Test
    void shouldInsertAThousandPhonesInOneBatch() {
        // given a thousand numbers for one customer
        long bulk = Fixtures.customer(DB.jdbi(), "BULK");
        List<CustomerPhone> phones = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            phones.add(new CustomerPhone(bulk, String.format("+86 10 %08d", i), "extension"));
        }
        AtomicInteger executions = new AtomicInteger();

        // when they are added through a handle that counts statement executions
        DB.jdbi().useHandle(handle -> {
            handle.getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
                @Override
                public void logAfterExecution(StatementContext context) {
                    executions.incrementAndGet();
                }
            });
            handle.attach(CustomerDao.class).addPhones(phones);
        });

        // then one JDBC batch stored them all
        assertThat(executions).hasValue(1);
        long stored = DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM customer_phone WHERE customer_id = :id").bind("id", bulk)
                .mapTo(Long.class).one());
        assertThat(stored).isEqualTo(1_000);
        assertThat(DB.jdbi().onDemand(CustomerDao.class).findByCallerNumber("+86-10-00000999"))
                .extracting(CustomerRow::id).containsExactly(bulk);
    }

    @Test
    void shouldListOnlyOpenWorkOrdersOfTheCustomer() {
        // given one new, one in progress and one closed work order
        long customer = Fixtures.customer(DB.jdbi(), "OPEN-WO");
        long newer = Fixtures.workOrder(DB.jdbi(), customer, WorkOrderState.IN_PROGRESS, T0.plusSeconds(60));
        long older = Fixtures.workOrder(DB.jdbi(), customer, WorkOrderState.NEW, T0);
        Fixtures.workOrder(DB.jdbi(), customer, WorkOrderState.CLOSED, T0.minusSeconds(60));

        // when
        List<WorkOrder> open = DB.jdbi().onDemand(CustomerDao.class).listOpenWorkOrders(customer);

        // then oldest first, mapped onto routing's type
        assertThat(open).extracting(WorkOrder::id).containsExactly(older, newer);
        assertThat(open.get(0)).satisfies(workOrder -> {
            assertThat(workOrder.customerId()).isEqualTo(customer);
            assertThat(workOrder.linkedId()).isNull();
            assertThat(workOrder.severity()).isEqualTo(Severity.P2);
            assertThat(workOrder.state()).isEqualTo(WorkOrderState.NEW);
            assertThat(workOrder.tier()).isEqualTo(Tier.TIER1);
            assertThat(workOrder.createdAt()).isEqualTo(T0);
            assertThat(workOrder.responseDueAt()).isEqualTo(T0.plus(Duration.ofHours(4)));
        });
    }

    @Test
    void shouldFindACustomerById() {
        long id = Fixtures.customer(DB.jdbi(), "BY-ID");

        assertThat(DB.jdbi().onDemand(CustomerDao.class).findById(id)).get()
                .extracting(CustomerRow::code, CustomerRow::contractLevel, CustomerRow::vip)
                .containsExactly("BY-ID", ContractLevel.STANDARD, false);
        assertThat(DB.jdbi().onDemand(CustomerDao.class).findById(-1)).isEmpty();
    }
}
