package com.tradeflow.platform.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/**
 * What an instance tells the registry for its operators, beside its own address: where its actuator listens (the
 * operations console reads its figures there) and which build it runs. The same keys for the web instances
 * (registered by consumer-web itself) and the Dubbo providers (added to Dubbo's application-level instance,
 * {@link com.tradeflow.platform.rpc.OperationsMetadataCustomizer}).
 */
public final class OperationsMetadata {

    /** The actuator's address, when it is bound to one (else the instance's own address serves). */
    public static final String MANAGEMENT_ADDRESS = "management.address";

    public static final String MANAGEMENT_PORT = "management.port";
    /** The build: version and build time ({@code META-INF/build-info.properties}). */
    public static final String VERSION = "version";

    private OperationsMetadata() {}

    /** The entries for this application (those it cannot tell are left out). */
    public static Map<String, String> of(ApplicationContext context) {
        Environment environment = context.getEnvironment();
        Map<String, String> metadata = new LinkedHashMap<>();
        // a separate management server's port, else the web server's (the actuator is then on it)
        String port = environment.getProperty(
                "local.management.port",
                environment.getProperty("management.server.port", environment.getProperty("local.server.port")));
        if (port != null) {
            metadata.put(MANAGEMENT_PORT, port);
        }
        String address =
                environment.getProperty("management.server.address", environment.getProperty("server.address"));
        if (address != null) {
            metadata.put(MANAGEMENT_ADDRESS, address);
        }
        context.getBeanProvider(BuildProperties.class)
                .ifAvailable(build -> metadata.put(
                        VERSION,
                        build.getVersion() + (build.getTime() == null ? "" : " (built " + build.getTime() + ")")));
        return metadata;
    }
}
