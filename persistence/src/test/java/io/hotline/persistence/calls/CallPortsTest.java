package io.hotline.persistence.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.seed.DemoSeed;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.persistence.testing.WorkOrderTrail;
import io.hotline.persistence.workorder.JdbiWorkOrderStore;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.sla.ServiceLevels;
import io.hotline.routing.spi.CallerProfile;
import io.hotline.routing.workorder.CallWorkOrderRequest;
import io.hotline.routing.workorder.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The persistence side of a call's journey, against the real server with the demo organisation loaded. */
class CallPortsTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();
    private static final Instant NOW = Instant.parse("2026-11-18T02:00:00.123Z");

    private static JdbiWorkOrderStore workOrders;

    @BeforeAll
    static void seed() {
        DemoSeed.load(DB.jdbi());
        workOrders = new JdbiWorkOrderStore(DB.jdbi(), ServiceLevels.DEFAULT, InstantSource.fixed(NOW));
    }

    @Test
    void shouldRecogniseASeededCustomerByAnyWayOfWritingTheirNumber() {
        Map<String, Object> phone = DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT p.phone_number AS number, c.id AS customer FROM customer_phone p JOIN customer c"
                        + " ON c.id = p.customer_id ORDER BY p.id LIMIT 1").mapToMap().one());
        String number = (String) phone.get("number");
        String spaced = number.substring(0, 3) + " " + number.substring(3, 6) + "-" + number.substring(6);

        try (IndexedCallerDirectory directory = new IndexedCallerDirectory(DB.jdbi(), "pbx1", Duration.ofHours(1))) {
            CallerProfile profile = directory.findByNumber(spaced).orElseThrow();

            assertThat(profile.customerId()).isEqualTo(((Number) phone.get("customer")).longValue());
            assertThat(profile.productSkills()).isNotEmpty();
            assertThat(profile.contractLevel()).isIn("BASIC", "STANDARD", "PREMIUM");
            assertThat(directory.findByNumber("+4930123401")).isEmpty();
            assertThat(directory.findByNumber("anonymous")).isEmpty();
        }
    }

    @Test
    void shouldFindTheSeatBehindASoftphone() {
        String endpoint = DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT sip_endpoint FROM seat ORDER BY id LIMIT 1").mapTo(String.class).one());

        assertThat(new JdbiSeatDirectory(DB.jdbi()).seatIdForDialString(endpoint)).isPresent();
        assertThat(new JdbiSeatDirectory(DB.jdbi()).seatIdForDialString("PJSIP/nobody")).isEmpty();
    }

    @Test
    void shouldRecordTheSurveyScoreOnTheWorkOrder() {
        long workOrder = open("survey-call");

        assertThat(new JdbiSurveyStore(DB.jdbi()).recordIvrScore(workOrder, 4, NOW)).isTrue();
        assertThat(new JdbiSurveyStore(DB.jdbi()).recordIvrScore(999_999, 4, NOW)).isFalse();

        Integer score = DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT score FROM satisfaction_survey WHERE work_order_id = :id AND outcome = 'ANSWERED'")
                .bind("id", workOrder).mapTo(Integer.class).one());
        assertThat(score).isEqualTo(4);
        assertThat(actions(workOrder)).contains("SURVEYED");
    }

    @Test
    void shouldRecordTheCallbackOnTheWorkOrder() {
        long workOrder = open("callback-call");

        long callback = new JdbiCallbackStore(DB.jdbi()).requestCallback(workOrder, "+86 138 0013 8000", NOW,
                NOW.plusSeconds(3600));

        assertThat(callback).isPositive();
        assertThat(new JdbiCallbackStore(DB.jdbi()).requestCallback(999_999, "+8613800138000", NOW, NOW)).isEqualTo(-1);
        assertThat(actions(workOrder)).contains("CALLBACK_REQUESTED");
    }

    private static long open(String linkedId) {
        return workOrders.openForCall(new CallWorkOrderRequest("pbx1", linkedId, "+8613800138000", null,
                Severity.P3, Tier.TIER1, NOW)).workOrder().id();
    }

    private static List<String> actions(long workOrder) {
        return WorkOrderTrail.actions(DB.jdbi(), workOrder);
    }
}
