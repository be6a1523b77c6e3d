package com.tradeflow.childprocess;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers a test starts later, in another process. Picked below the kernel's ephemeral range (Linux:
 * 32768-60999): a port the kernel handed out for {@code bind(0)} can be handed out again for any outgoing
 * connection before the server binds it (seen: a provider's Dubbo port taken by a client socket of another
 * server of the stack).
 */
public final class FreePorts {

    private static final int LOWEST = 20_000;
    /** Also leaves room for port + 1000 (a Nacos gRPC port) below the ephemeral range. */
    private static final int BELOW_EPHEMERAL = 31_000;
    private static final int ATTEMPTS = 500;

    private FreePorts() {
    }

    /** A port nothing listens on now, outside the ephemeral range. */
    public static int pick() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, BELOW_EPHEMERAL);
            if (isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + BELOW_EPHEMERAL);
    }

    /** Whether a server could bind the port on every interface right now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }
}
