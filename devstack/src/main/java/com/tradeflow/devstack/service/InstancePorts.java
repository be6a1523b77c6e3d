package com.tradeflow.devstack.service;

import java.util.function.IntSupplier;

/**
 * Where one service instance listens.
 *
 * @param http       its HTTP port (a provider's serves only its actuator)
 * @param management its actuator's port: consumer-web's own, a provider's HTTP port
 * @param dubbo      its Dubbo port, 0 for consumer-web (which only calls)
 * @param sentinel   its Sentinel command API's port (what a dashboard calls)
 */
public record InstancePorts(int http, int management, int dubbo, int sentinel) {

    public boolean servesDubbo() {
        return dubbo != 0;
    }

    /**
     * Where instance {@code number} of the same service listens, these being the first's ports: moved by
     * {@code step} × (number - 1), or with {@code step} 0 on ports {@code freePort} picks (a provider's management
     * port stays its HTTP port).
     */
    public InstancePorts forInstance(int number, int step, IntSupplier freePort) {
        if (number == 1) {
            return this;
        }
        if (step > 0) {
            int by = step * (number - 1);
            return new InstancePorts(http + by, management + by, servesDubbo() ? dubbo + by : 0, sentinel + by);
        }
        int freeHttp = freePort.getAsInt();
        return new InstancePorts(
                freeHttp,
                management == http ? freeHttp : freePort.getAsInt(),
                servesDubbo() ? freePort.getAsInt() : 0,
                freePort.getAsInt());
    }
}
