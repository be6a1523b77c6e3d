package com.tradeflow.gatewaysim.support;

import com.tradeflow.gatewaysim.GatewaySim;
import com.tradeflow.gatewaysim.GatewaySimOptions;

/**
 * A test's gateway and the merchant around it: a notify receiver, the gateway, and clients with the merchant's
 * API key and the admin token. Closing stops both servers.
 */
public record RunningGateway(NotifyReceiver receiver, GatewaySim gateway, GatewayClient merchant, GatewayClient admin)
        implements AutoCloseable {

    public static RunningGateway start(GatewaySimOptions options) {
        NotifyReceiver receiver = NotifyReceiver.start();
        GatewaySim gateway = GatewaySim.start(options);
        return new RunningGateway(
                receiver,
                gateway,
                new GatewayClient(gateway.baseUrl(), TestGateway.API_KEY),
                new GatewayClient(gateway.baseUrl(), TestGateway.ADMIN_TOKEN));
    }

    @Override
    public void close() {
        gateway.close();
        receiver.close();
    }
}
