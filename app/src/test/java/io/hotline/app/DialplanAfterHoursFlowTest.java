package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.app.simulate.CallerPhone;
import io.hotline.app.simulate.SimulatedAsterisk;
import io.hotline.app.simulate.SimulatedChannel;
import io.hotline.persistence.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The after-hours flow of {@code docs/asterisk.md} through the shipped dialplan against a whole Hotline (see
 * {@link DialplanFlowTest}): today and tomorrow are holidays, so every caller hears the after-hours message and
 * chooses a callback at the next opening (1) or voicemail.
 */
class DialplanAfterHoursFlowTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();
    /** How long a flow may take; one still going then fails with what it waits for. */
    private static final Duration FLOW = Duration.ofSeconds(30);

    private static Hotline hotline;
    private static SimulatedAsterisk pbx;

    @BeforeAll
    static void start(@TempDir Path directory) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        hotline = DialplanFlowTest.startHotline(DB, directory, "hours.zone = UTC\nholidays = " + today + ", "
                + today.plusDays(1) + "\n");
        pbx = DialplanFlowTest.simulatedAsterisk(DialplanFlowTest.dialplan(), hotline);
    }

    @AfterAll
    static void stop() {
        if (hotline != null) {
            hotline.close();
        }
    }

    @Test
    void shouldBookACallbackForTheNextOpeningWhenTheCallerPressesOne() throws Exception {
        CallerPhone caller = CallerPhone.customer("+4930123440", "Late Customer")
                .pressing("hotline/press-1-callback-2-voicemail", '1');

        SimulatedChannel call = pbx.call(caller, "hotline-inbound", "4008001234").finishedWithin(FLOW);

        assertThat(call.experience()).containsSubsequence("answered", "heard hotline/after-hours",
                "heard hotline/press-1-callback-2-voicemail", "heard hotline/callback-confirmed", "BYE from the PBX");
        Instant nextOpening = Instant.parse(call.variable("HOTLINE_NEXT_OPENING"));
        assertThat(nextOpening).isAfter(Instant.now());
        assertThat(call.steps()).anyMatch(step -> step.endsWith("&due=" + call.variable("HOTLINE_NEXT_OPENING")
                + ")"));
        long workOrder = DialplanFlowTest.workOrderOf(hotline, call);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(callbacksDue(workOrder))
                .containsExactly(nextOpening));
    }

    @Test
    void shouldTakeAVoicemailWhenTheCallerPressesNothing() throws Exception {
        SimulatedChannel call = pbx.call(CallerPhone.customer("+4930123441", "Quiet Customer"), "hotline-inbound",
                "4008001234").finishedWithin(FLOW);

        assertThat(call.experience()).containsSubsequence("heard hotline/after-hours",
                "heard hotline/press-1-callback-2-voicemail", "voicemail hotline@default")
                .doesNotContain("heard hotline/callback-confirmed");
        assertThat(callbacksDue(DialplanFlowTest.workOrderOf(hotline, call))).isEmpty();
    }

    private static List<Instant> callbacksDue(long workOrder) {
        return hotline.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT DATE_FORMAT(due_at, '%Y-%m-%dT%H:%i:%s.%fZ') FROM callback_request WHERE work_order_id = :id")
                .bind("id", workOrder).mapTo(String.class).list()).stream()
                .map(text -> Instant.parse(text.substring(0, 23) + "Z")).toList();
    }
}
