package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotline.persistence.dao.SeatDao;
import io.hotline.persistence.dao.SeatRow;
import io.hotline.persistence.dao.SeatSkillRow;
import io.hotline.persistence.dao.SeatStateDao;
import io.hotline.persistence.dao.SeatStateRow;
import io.hotline.persistence.dao.SeatWithSkills;
import io.hotline.routing.engine.RoutingConfig;
import io.hotline.routing.engine.RoutingEngine;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.engine.RoutingInbox;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatProfile;
import io.hotline.routing.seat.SeatState;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutingSeatsTest {
    private static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void shouldConfigureASeatByItsCodeTierSkillsAndSipEndpoint() {
        SeatWithSkills seat = seat("S2001", Tier.TIER2, Map.of("ERP_U8", 4, "HR", 2));

        assertThat(RoutingSeats.configured(seat)).isEqualTo(new RoutingEvent.SeatConfigured(
                new SeatProfile("S2001", Tier.TIER2, Map.of("ERP_U8", 4, "HR", 2), "PJSIP/S2001")));
    }

    @Test
    void shouldOfferEverySeatAndFailWhenTheInboxRefusesOne() {
        // given two seats and a routing service (not started) whose inbox holds one event
        SeatDao seats = new FakeSeatDao(List.of(seat("S1001", Tier.TIER1, Map.of()), seat("S1002", Tier.TIER1,
                Map.of())));
        try (RoutingService routing = service(1)) {
            // then loading them fails, naming the seat that did not fit
            assertThatThrownBy(() -> RoutingSeats.load(seats, List::of, routing))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the routing inbox refused seat S1002 of 2 while loading seats");
        }
        try (RoutingService routing = service(2)) {
            // and each seat's softphone device is returned for the AMI view
            assertThat(RoutingSeats.load(seats, List::of, routing)).isEqualTo(Map.of("PJSIP/S1001", "S1001",
                    "PJSIP/S1002", "S1002"));
            assertThat(routing.inboxDepth()).isEqualTo(2);
        }
    }

    @Test
    void shouldRestoreEachLoggedInSeatAfterTheSeatsAreConfigured() throws InterruptedException {
        // given three seats: ready, not ready with reason 12, logged out when Hotline stopped
        SeatDao seats = new FakeSeatDao(List.of(seat("S1001", Tier.TIER1, Map.of()), seat("S1002", Tier.TIER1,
                Map.of()), seat("S1003", Tier.TIER1, Map.of())));
        SeatStateDao states = () -> List.of(new SeatStateRow("S1001", SeatState.READY, null, CREATED),
                new SeatStateRow("S1002", SeatState.NOT_READY, "code-12", CREATED),
                new SeatStateRow("S1003", SeatState.LOGGED_OUT, null, CREATED));
        try (RoutingService routing = service(10)) {
            // when they are loaded
            RoutingSeats.load(seats, states, routing);

            // then the logged-in ones are restored after every seat is configured
            List<RoutingEvent> offered = new ArrayList<>();
            routing.inbox().drainTo(offered, 10, 0);
            assertThat(offered).hasSize(5).endsWith(new RoutingEvent.SeatRestored("S1001", SeatState.READY, null),
                    new RoutingEvent.SeatRestored("S1002", SeatState.NOT_READY, "code-12"));
        }
    }

    private static RoutingService service(int capacity) {
        return new RoutingService(new RoutingEngine(RoutingConfig.defaults(), InstantSource.system()),
                new RoutingInbox(capacity), new RoutingCommandDispatcher(new RecordingPorts(), new RecordingPorts(),
                new RecordingPorts(), RecordingPorts.deskFeed(), new RecordingPorts()),
                RoutingEngine::apply, InstantSource.system());
    }

    private static SeatWithSkills seat(String code, Tier tier, Map<String, Integer> skills) {
        return new SeatWithSkills(new SeatRow(1, code, "Li Lei", tier, "PJSIP/" + code, true, CREATED), skills);
    }

    /** A seat table that lists the given seats and supports nothing else. */
    private record FakeSeatDao(List<SeatWithSkills> active) implements SeatDao {
        @Override
        public List<SeatWithSkills> listActiveWithSkills() {
            return active;
        }

        @Override
        public long insert(SeatRow seat) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void addSkills(Iterable<SeatSkillRow> skills) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean setActive(long id, boolean active) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<SeatRow> findByCode(String code) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<SeatRow> findBySipEndpoint(String sipEndpoint) {
            throw new UnsupportedOperationException();
        }
    }
}
