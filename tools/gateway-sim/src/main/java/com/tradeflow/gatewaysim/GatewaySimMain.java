package com.tradeflow.gatewaysim;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar gateway-sim.jar --api-key K --secret S --admin-token T [options]}: runs the simulator in the
 * foreground until SIGINT/SIGTERM. Options and their environment variables: {@link GatewaySimArguments}.
 */
public final class GatewaySimMain {

    private GatewaySimMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "gateway-sim-logback.xml");
        }
        GatewaySimOptions options;
        try {
            options = GatewaySimArguments.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(GatewaySimArguments.USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(GatewaySimArguments.USAGE);
            return;
        }
        Logger log = LoggerFactory.getLogger(GatewaySimMain.class);
        GatewaySim gateway;
        try {
            gateway = GatewaySim.start(options);
        } catch (GatewaySim.PortInUseException e) {
            System.err.println("gateway-sim cannot start: " + e.getMessage() + " (choose another with --port)");
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            gateway.close();
                            stopped.countDown();
                        },
                        "gateway-sim-shutdown"));
        // the options' toString leaves the api key, secret and admin token out
        log.info("gateway-sim listening on {} with {}", gateway.baseUrl(), options);
        stopped.await();
    }
}
