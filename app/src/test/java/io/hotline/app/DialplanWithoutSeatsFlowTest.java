package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.app.simulate.CallerPhone;
import io.hotline.app.simulate.SimulatedAsterisk;
import io.hotline.app.simulate.SimulatedChannel;
import io.hotline.persistence.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flows of {@code docs/asterisk.md} where no seat takes the call, through the shipped dialplan against a whole
 * Hotline (see {@link DialplanFlowTest}): a caller who waits chooses a callback; the same with Hotline unable to
 * record it. No seat is logged in; the callback is offered after a second of waiting.
 */
class DialplanWithoutSeatsFlowTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();
    /** How long a flow may take; one still going then fails with what it waits for. */
    private static final Duration FLOW = Duration.ofSeconds(30);

    private static Hotline hotline;
    private static SimulatedAsterisk pbx;

    @BeforeAll
    static void start(@TempDir Path directory) throws Exception {
        hotline = DialplanFlowTest.startHotline(DB, directory, "hours.zone = UTC\noffer-callback-after = 1s\n");
        pbx = DialplanFlowTest.simulatedAsterisk(DialplanFlowTest.dialplan(), hotline);
    }

    @AfterAll
    static void stop() {
        if (hotline != null) {
            hotline.close();
        }
    }

    @Test
    void shouldConfirmTheCallbackTheWaitingCallerChose() throws Exception {
        CallerPhone caller = CallerPhone.customer("+4930123430", "Waiting Customer")
                .pressing("hotline/press-1-for-callback", '1');

        SimulatedChannel call = pbx.call(caller, "hotline-inbound", "4008001234").finishedWithin(FLOW);

        assertThat(call.experience()).containsSubsequence("answered", "music on hold", "music off",
                "heard hotline/press-1-for-callback", "heard hotline/callback-confirmed", "BYE from the PBX");
        assertThat(call.variable("HOTLINE_RESULT")).isEqualTo("CALLBACK");
        assertThat(call.variable("HOTLINE_CALLBACK")).isEqualTo("OK");
        long workOrder = DialplanFlowTest.workOrderOf(hotline, call);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(callbackNumbers(workOrder))
                .containsExactly("+4930123430"));
    }

    @Test
    void shouldSendTheCallerToTheFallbackWhenTheCallbackCannotBeRecorded() throws Exception {
        // A caller without a number cannot be called back: the callback script answers FAILED.
        CallerPhone caller = new CallerPhone("", "Anonymous", "PJSIP/carrier",
                Map.of("hotline/press-1-for-callback", '1'), CallerPhone.FOREVER, CallerPhone.FOREVER,
                CallerPhone.FOREVER);

        SimulatedChannel call = pbx.call(caller, "hotline-inbound", "4008001234").finishedWithin(FLOW);

        assertThat(call.variable("HOTLINE_CALLBACK")).isEqualTo("FAILED");
        assertThat(call.experience()).containsSubsequence("heard hotline/press-1-for-callback",
                "queued in hotline-fallback").doesNotContain("heard hotline/callback-confirmed");
    }

    private static List<String> callbackNumbers(long workOrder) {
        return hotline.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT phone_number FROM callback_request WHERE work_order_id = :id ORDER BY id")
                .bind("id", workOrder).mapTo(String.class).list());
    }
}
