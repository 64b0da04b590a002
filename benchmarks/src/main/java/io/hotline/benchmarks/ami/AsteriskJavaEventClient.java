package io.hotline.benchmarks.ami;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * The peer: a plain asterisk-java {@link DefaultManagerConnection} whose {@code ManagerEventListener} only counts
 * the events asterisk-java's own dispatch hands it (and looks at {@code DeviceStateChange} devices to find the
 * markers). No translation, no queue. The listener runs on asterisk-java's event pump.
 */
final class AsteriskJavaEventClient implements EventClient {
    /** How the peer is named in results. */
    static final String LABEL = "asterisk-java";
    private static final long RESPONSE_TIMEOUT_MILLIS = 10_000;

    private final EventTally tally = new EventTally();
    private final CountDownLatch connected = new CountDownLatch(1);
    private DefaultManagerConnection connection;

    @Override
    public void start(int port) throws IOException {
        connection = new DefaultManagerConnection("127.0.0.1", port, USERNAME, SECRET);
        connection.setDefaultResponseTimeout(RESPONSE_TIMEOUT_MILLIS);
        connection.addEventListener(this::onEvent);
        try {
            connection.login();
        } catch (AuthenticationFailedException | TimeoutException e) {
            throw new IOException("asterisk-java could not log in to 127.0.0.1:" + port, e);
        }
    }

    private void onEvent(ManagerEvent event) {
        tally.dispatched();
        if (event instanceof DeviceStateChangeEvent change) {
            tally.marker(StreamMarker.of(change.getDevice()));
        } else if (event instanceof ConnectEvent) {
            connected.countDown();
        }
    }

    @Override
    public boolean awaitReady(long deadlineNanos) throws InterruptedException {
        return EventClient.awaitUntil(connected, deadlineNanos);
    }

    @Override
    public EventTally tally() {
        return tally;
    }

    @Override
    public boolean awaitSettled(long deadlineNanos) {
        // Nothing is queued behind the listener: counted is consumed.
        return true;
    }

    @Override
    public void close() {
        if (connection != null && connection.getState() == ManagerConnectionState.CONNECTED) {
            connection.logoff();
        }
    }
}
