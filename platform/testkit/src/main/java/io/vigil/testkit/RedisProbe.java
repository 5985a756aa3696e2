package io.vigil.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

final class RedisProbe {

    private RedisProbe() {
    }

    /**
     * Sends PING and expects +PONG: an open port alone could be anything, and a Redis that wants a password
     * answers -NOAUTH, which the testkit cannot use either.
     */
    static void check(String host, int port, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String reply = in.readLine();
            if (!"+PONG".equals(reply)) {
                throw new IOException("expected +PONG from " + host + ":" + port + " but got " + reply);
            }
        }
    }
}
