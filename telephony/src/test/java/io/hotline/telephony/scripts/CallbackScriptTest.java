package io.hotline.telephony.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.spi.CallbackStore;
import io.hotline.telephony.agi.AgiServer;
import io.hotline.telephony.agi.AgiServerConfig;
import io.hotline.telephony.agi.AgiSessionObserver;
import io.hotline.telephony.agi.FakeAsteriskClient;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code callback} over real TCP with a fake of the callback store: recorded on the work order when the database
 * answers, promised durably by the call's linkedid when it does not or when the work order id is not known yet.
 */
class CallbackScriptTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final String DATABASE_DOWN = "Connection is not available, request timed out after 5000ms";

    private final ExecutorService blocking = Executors.newFixedThreadPool(2);
    private final List<String> recorded = new CopyOnWriteArrayList<>();
    private final List<String> deferred = new CopyOnWriteArrayList<>();
    private boolean databaseAnswers = true;
    private AgiServer server;
    private InetSocketAddress address;

    private final CallbackStore store = new CallbackStore() {
        @Override
        public long requestCallback(long workOrderId, String phoneNumber, Instant requestedAt, Instant dueAt) {
            if (!databaseAnswers) {
                throw new IllegalStateException(DATABASE_DOWN);
            }
            recorded.add(workOrderId + " " + phoneNumber + " " + dueAt);
            return workOrderId == 41 ? 7 : -1;
        }

        @Override
        public boolean requestCallbackLater(String callId, String phoneNumber, Instant requestedAt, Instant dueAt) {
            deferred.add(callId + " " + phoneNumber + " " + dueAt);
            return true;
        }
    };

    @AfterEach
    void stop() {
        server.close();
        blocking.shutdownNow();
    }

    @Test
    void shouldRecordTheCallbackOnTheWorkOrderWhileTheDatabaseAnswers() throws Exception {
        start();

        assertThat(session("callback?workorder=41&call=1795347580.0")).containsExactly(
                "SET VARIABLE HOTLINE_CALLBACK OK");
        assertThat(recorded).containsExactly("41 +4930123401 " + NOW);
        assertThat(deferred).isEmpty();
        // a work order that does not exist is refused, not promised
        assertThat(session("callback?workorder=99&call=1795347580.0")).containsExactly(
                "SET VARIABLE HOTLINE_CALLBACK FAILED");
    }

    @Test
    void shouldPromiseTheCallbackByTheCallWhenTheDatabaseDoesNotAnswer() throws Exception {
        databaseAnswers = false;
        start();

        assertThat(session("callback?workorder=41&call=1795347580.0&due=2026-12-06T00:00:00Z")).containsExactly(
                "SET VARIABLE HOTLINE_CALLBACK OK");
        assertThat(deferred).containsExactly("1795347580.0 +4930123401 2026-12-06T00:00:00Z");
        assertThat(recorded).isEmpty();
    }

    @Test
    void shouldPromiseTheCallbackOfACallerRoutedDuringAnOutageWhoseWorkOrderIdIsUnknown() throws Exception {
        start();

        // the dialplan's HOTLINE_WORKORDER is empty for such a caller
        assertThat(session("callback?workorder=&call=1795347580.0")).containsExactly(
                "SET VARIABLE HOTLINE_CALLBACK OK");
        assertThat(deferred).containsExactly("1795347580.0 +4930123401 " + NOW);
        assertThat(session("callback?workorder=&call=")).containsExactly("SET VARIABLE HOTLINE_CALLBACK FAILED");
    }

    private void start() {
        server = new AgiServer(AgiServerConfig.of("127.0.0.1", 0),
                List.of(new CallbackScript(store, blocking, InstantSource.fixed(NOW))), AgiSessionObserver.NONE);
        address = server.start();
    }

    private List<String> session(String script) throws Exception {
        try (FakeAsteriskClient asterisk = FakeAsteriskClient.connect(address)) {
            asterisk.send("agi_network_script: " + script + "\nagi_channel: PJSIP/trunk-00000031\n"
                    + "agi_callerid: +4930123401\n\n");
            List<String> commands = new ArrayList<>();
            String command;
            while ((command = asterisk.readCommand()) != null) {
                commands.add(command);
                asterisk.send("200 result=1\n");
            }
            return commands;
        }
    }
}
