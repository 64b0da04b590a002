package io.hotline.persistence.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A login attempt over MariaDB's Unix socket without a password, speaking just enough of the client/server
 * protocol (handshake v10, HandshakeResponse41 with an empty auth response) to read the server's verdict: the
 * JDBC driver cannot use a Unix socket without a native library. Test-only.
 */
final class SocketLogin {
    private static final int CLIENT_LONG_PASSWORD = 0x1;
    private static final int CLIENT_PROTOCOL_41 = 0x200;
    private static final int CLIENT_SECURE_CONNECTION = 0x8000;
    private static final int CLIENT_PLUGIN_AUTH = 0x80000;

    private SocketLogin() {
    }

    /** {@code "accepted"}, or {@code "refused: "} and the server's error message. */
    static String attempt(Path socket, String user) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            byte[] handshake = read(channel);
            if (handshake[0] == (byte) 0xFF) {
                return "refused: " + errorMessage(handshake);
            }
            write(channel, 1, response(user));
            int sequence = 3;
            for (int round = 0; round < 3; round++) {
                byte[] reply = read(channel);
                if (reply[0] == 0x00) {
                    return "accepted";
                }
                if (reply[0] == (byte) 0xFF) {
                    return "refused: " + errorMessage(reply);
                }
                // An auth switch or more data: answer with an empty auth response, as a client without a password.
                write(channel, sequence, new byte[0]);
                sequence += 2;
            }
            return "no verdict";
        }
    }

    private static byte[] response(String user) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(CLIENT_LONG_PASSWORD | CLIENT_PROTOCOL_41 | CLIENT_SECURE_CONNECTION | CLIENT_PLUGIN_AUTH);
        header.putInt(1 << 24);
        header.put((byte) 45);
        out.write(header.array(), 0, 32);
        out.writeBytes(user.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        out.write(0);
        out.writeBytes("mysql_native_password".getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        return out.toByteArray();
    }

    private static String errorMessage(byte[] packet) {
        int start = packet.length > 3 && packet[3] == '#' ? 9 : 3;
        return new String(packet, start, packet.length - start, StandardCharsets.UTF_8);
    }

    private static void write(SocketChannel channel, int sequence, byte[] payload) throws IOException {
        ByteBuffer packet = ByteBuffer.allocate(4 + payload.length);
        packet.put((byte) payload.length).put((byte) (payload.length >> 8)).put((byte) (payload.length >> 16));
        packet.put((byte) sequence).put(payload).flip();
        while (packet.hasRemaining()) {
            channel.write(packet);
        }
    }

    private static byte[] read(SocketChannel channel) throws IOException {
        ByteBuffer header = readFully(channel, 4);
        int length = (header.get(0) & 0xFF) | (header.get(1) & 0xFF) << 8 | (header.get(2) & 0xFF) << 16;
        return readFully(channel, length).array();
    }

    private static ByteBuffer readFully(SocketChannel channel, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IOException("the server closed the socket");
            }
        }
        return buffer;
    }
}
