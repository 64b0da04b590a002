package io.hotline.benchmarks.agi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteDecisionTest {
    private final RouteDecision decision = new RouteDecision(100);

    @Test
    void shouldRouteTheRecordedCallerToTier1WithHisWorkOrder() {
        // when the recorded caller dials 100
        RouteDecision.Route route = decision.decide("+4930123401", "100", "1795347580.0");

        // then tier-1, seat 1001, and a work order naming the customer
        assertThat(route).isEqualTo(new RouteDecision.Route("tier1", "PJSIP/1001",
                "WO-10000-BASIC-1795347580.0"));
    }

    @Test
    void shouldOpenAnAnonymousWorkOrderForAnUnknownCaller() {
        // given every tenth generated session is no customer's number
        String stranger = RouteDecision.sessionCaller(9, 100);

        // when it dials 200
        RouteDecision.Route route = decision.decide(stranger, "200", "1.9");

        // then tier-2 with an anonymous work order
        assertThat(route).isEqualTo(new RouteDecision.Route("tier2", "PJSIP/2001", "WO-anon-1.9"));
    }
}
