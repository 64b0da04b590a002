package io.hotline.app;

import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.spi.RoutingJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing journal until persistence keeps it: every entry logged at DEBUG under
 * {@code io.hotline.app.LoggingRoutingJournal}, and nothing stored. Off by default, so it costs the routing thread
 * one level check per command. Stateless and thread-safe.
 */
final class LoggingRoutingJournal implements RoutingJournal {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingRoutingJournal.class);

    @Override
    public void recordDecision(RoutingCommand.RecordDecision decision) {
        LOG.debug("Call {}: {}", decision.callId(), decision.explanation());
    }

    @Override
    public void callConnected(RoutingCommand.CallConnected connected) {
        LOG.debug("Call {} connected to seat {} after {}", connected.callId(), connected.seatId(), connected.waited());
    }

    @Override
    public void callAbandoned(RoutingCommand.CallAbandoned abandoned) {
        LOG.debug("Call {} abandoned queue {} after {}", abandoned.callId(), abandoned.queue(), abandoned.waited());
    }

    @Override
    public void seatStateChanged(RoutingCommand.SeatStateChanged change) {
        LOG.debug("Seat {} is {} ({})", change.seatId(), change.state(), change.reason());
    }

    @Override
    public void requestRejected(RoutingCommand.RequestRejected rejected) {
        LOG.debug("Routing rejected a request about {}: {}", rejected.subject(), rejected.reason());
    }
}
