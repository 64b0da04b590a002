package io.hotline.benchmarks.flood;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of client connections to one server, driven by one NIO selector: each connects, writes its payload (if
 * any) as fast as the server reads it, then only waits, and is counted closed when the server closes or resets it
 * (or refuses the connect). Never closes a connection itself until {@link #close()}. Confined to one thread.
 */
final class FloodConnections implements AutoCloseable {
    private final Selector selector;
    private final List<Client> clients = new ArrayList<>();
    private final ByteBuffer scratch = ByteBuffer.allocate(64 * 1024);
    private final long startNanos = System.nanoTime();

    /** One connection: what is left of its payload, when the server closed it. */
    private static final class Client {
        private final SocketChannel channel;
        private final ByteBuffer payload;
        private long closedNanos = -1;

        Client(SocketChannel channel, ByteBuffer payload) {
            this.channel = channel;
            this.payload = payload;
        }
    }

    FloodConnections() throws IOException {
        this.selector = Selector.open();
    }

    /** Starts {@code count} connects, each to send {@code payload} (shared, read-only; empty for idle clients). */
    void open(InetSocketAddress server, int count, ByteBuffer payload) throws IOException {
        for (int i = 0; i < count; i++) {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            Client client = new Client(channel, payload.duplicate());
            clients.add(client);
            try {
                boolean connected = channel.connect(server);
                channel.register(selector, connected ? interest(client) : SelectionKey.OP_CONNECT, client);
            } catch (IOException e) {
                closed(client);
            }
        }
    }

    /** Drives the connections for {@code millis}; returns early once every connection is closed. */
    void pump(long millis) throws IOException {
        long until = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < until && open() > 0) {
            selector.select(Math.max(1, Math.min(50, (until - System.nanoTime()) / 1_000_000)));
            for (SelectionKey key : selector.selectedKeys()) {
                handle(key, (Client) key.attachment());
            }
            selector.selectedKeys().clear();
        }
    }

    private void handle(SelectionKey key, Client client) {
        try {
            if (key.isConnectable()) {
                client.channel.finishConnect();
                key.interestOps(interest(client));
                return;
            }
            if (key.isWritable()) {
                client.channel.write(client.payload);
                key.interestOps(interest(client));
            }
            if (key.isReadable()) {
                scratch.clear();
                if (client.channel.read(scratch) < 0) {
                    closed(client);
                }
            }
        } catch (IOException e) {
            closed(client);
        }
    }

    private static int interest(Client client) {
        return client.payload.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
    }

    private void closed(Client client) {
        if (client.closedNanos < 0) {
            client.closedNanos = System.nanoTime();
            SelectionKey key = client.channel.keyFor(selector);
            if (key != null) {
                key.cancel();
            }
        }
    }

    /** Connections the server has not closed. */
    int open() {
        int open = 0;
        for (Client client : clients) {
            if (client.closedNanos < 0) {
                open++;
            }
        }
        return open;
    }

    /** Connections the server closed within {@code millis} of the first connect. */
    int closedWithin(long millis) {
        int closed = 0;
        for (Client client : clients) {
            if (client.closedNanos >= 0 && client.closedNanos - startNanos <= millis * 1_000_000) {
                closed++;
            }
        }
        return closed;
    }

    /** Milliseconds from the first connect to the last close, or -1 while some are open. */
    long millisToShedAll() {
        long last = startNanos;
        for (Client client : clients) {
            if (client.closedNanos < 0) {
                return -1;
            }
            last = Math.max(last, client.closedNanos);
        }
        return (last - startNanos) / 1_000_000;
    }

    /** Payload bytes written, over all connections. */
    long bytesSent() {
        long sent = 0;
        for (Client client : clients) {
            sent += client.payload.position();
        }
        return sent;
    }

    @Override
    public void close() throws IOException {
        for (Client client : clients) {
            client.channel.close();
        }
        selector.close();
    }
}
