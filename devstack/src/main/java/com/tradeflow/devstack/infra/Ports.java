package com.tradeflow.devstack.infra;

import com.tradeflow.childprocess.FreePorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Port checks with errors that say which variable moves the port. */
public final class Ports {

    private Ports() {}

    /**
     * @param variable the environment variable that changes this port
     * @throws PortInUseException naming the port, what wanted it and the variable
     */
    public static void requireFree(int port, String what, String variable) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new PortInUseException(
                    "port " + port + " (" + what + ") is already in use; set " + variable + " to another port");
        }
    }

    public static int free() {
        return FreePorts.pick();
    }

    /** A port the stack needs is taken. */
    public static final class PortInUseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PortInUseException(String message) {
            super(message);
        }
    }
}
