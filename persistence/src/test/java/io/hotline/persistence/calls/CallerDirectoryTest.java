package io.hotline.persistence.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.persistence.dao.CustomerDao;
import io.hotline.persistence.dao.CustomerProduct;
import io.hotline.persistence.dao.CustomerRow;
import io.hotline.persistence.seed.DemoSeed;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.persistence.workorder.JdbiWorkOrderStore;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.sla.ServiceLevels;
import io.hotline.routing.spi.CallerProfile;
import io.hotline.routing.workorder.CallWorkOrderRequest;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrder;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The one-query caller look-up against what the profile means, spelled out with the DAO's separate queries (the
 * look-up Hotline had before): the same profile for the numbers of 80 demo customers, half of them with open work
 * orders (owned or not, several per customer, some closed), and a number shared by two customers.
 */
class CallerDirectoryTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();
    private static final Instant NOW = Instant.parse("2026-11-18T02:00:00.123Z");

    @BeforeAll
    static void seed() {
        DemoSeed.load(DB.jdbi());
        JdbiWorkOrderStore workOrders = new JdbiWorkOrderStore(DB.jdbi(), ServiceLevels.DEFAULT,
                InstantSource.fixed(NOW));
        List<Long> customers = DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT id FROM customer ORDER BY id LIMIT 40").mapTo(Long.class).list());
        List<Long> seats = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT id FROM seat ORDER BY id")
                .mapTo(Long.class).list());
        for (int i = 0; i < customers.size(); i++) {
            // one, two or three open work orders, some owned by a seat, one of each customer's closed
            for (int n = 0; n <= i % 3; n++) {
                long id = workOrders.openForCall(new CallWorkOrderRequest("pbx1", "c" + i + "-" + n, "+86100",
                        customers.get(i), Severity.P3, Tier.TIER1, NOW)).workOrder().id();
                Long owner = (i + n) % 2 == 0 ? seats.get((i + n) % seats.size()) : null;
                String state = n == 2 ? "CLOSED" : "NEW";
                int minutes = n;
                DB.jdbi().useHandle(handle -> handle.createUpdate("UPDATE work_order SET owner_seat_id = :owner,"
                        + " state = :state, created_at = DATE_ADD(created_at, INTERVAL :minutes MINUTE)"
                        + " WHERE id = :id").bind("owner", owner).bind("state", state).bind("minutes", minutes)
                        .bind("id", id).execute());
            }
        }
        // a switchboard number shared by two customers belongs to the older account
        DB.jdbi().useHandle(handle -> handle.execute("INSERT INTO customer_phone (customer_id, phone_number, label)"
                + " SELECT MAX(id), '+862150505050', 'switchboard' FROM customer UNION ALL"
                + " SELECT MIN(id), '+862150505050', 'switchboard' FROM customer"));
    }

    @Test
    void shouldFindTheSameProfileAsTheSeparateQueriesForEveryNumber() {
        // the numbers of the customers given work orders above, and of as many others
        List<String> numbers = DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT DISTINCT phone_number FROM customer_phone WHERE customer_id < (SELECT MIN(id) + 80 FROM"
                        + " customer) OR label = 'switchboard' ORDER BY phone_number").mapTo(String.class).list());
        // the database's answer (a directory never started has nothing in memory)
        IndexedCallerDirectory directory = new IndexedCallerDirectory(DB.jdbi(), "pbx1", Duration.ofHours(1));
        directory.close();

        assertThat(numbers).hasSizeGreaterThan(80);
        for (String number : numbers) {
            assertThat(directory.findByNumber(number)).as(number).isEqualTo(composed(DB.jdbi(), number));
        }
        assertThat(directory.findByNumber("+862150505050").orElseThrow().customerId()).isEqualTo(DB.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT MIN(id) FROM customer").mapTo(Long.class).one()));
        long withOwner = numbers.stream().map(directory::findByNumber).flatMap(Optional::stream)
                .filter(profile -> profile.ownerSeatId() != null).count();
        assertThat(withOwner).as("profiles with an owner seat").isPositive();
        assertThat(directory.findByNumber("anonymous")).isEmpty();
        assertThat(directory.findByNumber("+4930123401")).isEmpty();
    }

    @Test
    void shouldHoldInMemoryTheSameProfileAsTheDatabaseForEveryNumber() {
        // given every number of every customer, one of more than 17 digits among them
        DB.jdbi().useHandle(handle -> handle.execute("INSERT INTO customer_phone (customer_id, phone_number, label)"
                + " SELECT MAX(id), '00861012345678901234', 'long' FROM customer"));
        List<String> numbers = DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT DISTINCT phone_number FROM customer_phone ORDER BY phone_number").mapTo(String.class).list());

        // when all of them are loaded at once
        CallerIndex index = new CallerQueries(DB.jdbi()).loadAll();

        // then memory answers for each number what the database does, and nothing for a stranger
        assertThat(numbers).hasSizeGreaterThan(500);
        assertThat(index.customers()).isEqualTo(DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM customer").mapTo(Integer.class).one()));
        for (String number : numbers) {
            assertThat(index.find(number)).as(number).isEqualTo(composed(DB.jdbi(), number));
        }
        assertThat(index.find("+4930123401")).isEmpty();
        assertThat(index.find("004930123401")).isEmpty();
    }

    @Test
    void shouldLearnANewNumberAtItsFirstCallAndAWorkOrderOnceTheJournalWroteIt() {
        // given the directory loaded, a customer without an open work order, and a number added after the load
        long customer = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT MAX(c.id) FROM customer c"
                + " WHERE NOT EXISTS (SELECT 1 FROM work_order w WHERE w.customer_id = c.id)").mapTo(Long.class)
                .one());
        try (IndexedCallerDirectory directory = new IndexedCallerDirectory(DB.jdbi(), "pbx1", Duration.ofHours(1))) {
            directory.start();
            String known = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT MIN(phone_number) FROM"
                    + " customer_phone WHERE customer_id = :id AND label NOT IN ('switchboard', 'long')")
                    .bind("id", customer).mapTo(String.class).one());
            assertThat(directory.recall(known).orElseThrow().openWorkOrderId()).isNull();
            DB.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO customer_phone (customer_id, phone_number,"
                    + " label) VALUES (:id, '+8675512340000', 'new')").bind("id", customer).execute());

            // when the new number calls: memory cannot tell, the database can, and memory keeps the answer
            assertThat(directory.recall("+86 755 1234 0000")).isEmpty();
            assertThat(directory.findByNumber("+86 755 1234 0000")).isEqualTo(composed(DB.jdbi(), "+8675512340000"));
            assertThat(directory.recall("+8675512340000")).isEqualTo(composed(DB.jdbi(), "+8675512340000"));

            // when a call of the customer opens a work order and the journal says it wrote it
            long opened = new JdbiWorkOrderStore(DB.jdbi(), ServiceLevels.DEFAULT, InstantSource.fixed(NOW))
                    .openForCall(new CallWorkOrderRequest("pbx1", "index-1", known, customer, Severity.P3,
                            Tier.TIER1, NOW)).workOrder().id();
            directory.workOrdersWritten(List.of("index-1"));

            // then every number of the customer soon recalls it
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(directory.recall(known).orElseThrow().openWorkOrderId()).isEqualTo(opened);
                assertThat(directory.recall("+8675512340000").orElseThrow().openWorkOrderId()).isEqualTo(opened);
            });
        }
    }

    /** The profile by the DAO's separate queries: customer, products, open work orders, the owner's code. */
    private static Optional<CallerProfile> composed(Jdbi jdbi, String number) {
        return jdbi.withHandle(handle -> {
            CustomerDao customers = handle.attach(CustomerDao.class);
            List<CustomerRow> found = customers.findByCallerNumber(number);
            if (found.isEmpty()) {
                return Optional.empty();
            }
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
            return Optional.of(new CallerProfile(customer.id(), customer.vip(),
                    customer.contractLevel().name(), products, open.map(WorkOrder::id).orElse(null), owner));
        });
    }
}
