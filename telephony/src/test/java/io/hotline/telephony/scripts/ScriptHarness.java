package io.hotline.telephony.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.engine.RoutingInbox;
import io.hotline.routing.spi.CallerDirectory;
import io.hotline.routing.spi.CallerProfile;
import io.hotline.telephony.agi.AgiScript;
import io.hotline.telephony.agi.AgiServer;
import io.hotline.telephony.agi.AgiServerConfig;
import io.hotline.telephony.agi.AgiSessionObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the script tests share: a FastAGI server on loopback for the scripts under test, and the routing thread's
 * side of the inbox the scripts write to. Stateless.
 */
final class ScriptHarness {
    private ScriptHarness() {
    }

    /** A FastAGI server on 127.0.0.1, on a free port once started, running {@code scripts}; not yet started. */
    /** A caller directory that knows nobody, in memory or in the database. */
    static final CallerDirectory STRANGERS = new CallerDirectory() {
        @Override
        public Optional<CallerProfile> recall(String callerNumber) {
            return Optional.empty();
        }

        @Override
        public Optional<CallerProfile> findByNumber(String callerNumber) {
            return Optional.empty();
        }
    };

    static AgiServer loopbackServer(AgiScript... scripts) {
        return new AgiServer(AgiServerConfig.of("127.0.0.1", 0), List.of(scripts), AgiSessionObserver.NONE);
    }

    /** The next event the scripts put into {@code inbox}; fails unless one arrives within 5 seconds. */
    static RoutingEvent nextEvent(RoutingInbox inbox) throws InterruptedException {
        List<RoutingEvent> batch = new ArrayList<>();
        inbox.drainTo(batch, 1, Duration.ofSeconds(5).toNanos());
        assertThat(batch).as("an event for the engine").hasSize(1);
        return batch.get(0);
    }
}
