package com.tradeflow.childprocess;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

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
    private static final int MAX_PORT = 65_535;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {}

    /** A port nothing listens on now and not handed out before by this JVM, outside the ephemeral range. */
    public static int pick() {
        return pickWith();
    }

    /**
     * A port for a server that also listens at these offsets from it (a Nacos gRPC port, a broker's fast port):
     * every one of them free now and none handed out before by this JVM. Ports are picked well before their servers
     * bind them, several at a time: without the memory two picks could return the same free port (seen: the name
     * server of the test stack on the port picked for Nacos a moment before).
     */
    public static synchronized int pickWith(int... offsets) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, BELOW_EPHEMERAL);
            int[] ports = IntStream.concat(
                            IntStream.of(port), IntStream.of(offsets).map(offset -> port + offset))
                    .toArray();
            if (IntStream.of(ports).allMatch(p -> p > 0 && p <= MAX_PORT && !HANDED_OUT.contains(p) && isFree(p))) {
                IntStream.of(ports).forEach(HANDED_OUT::add);
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
