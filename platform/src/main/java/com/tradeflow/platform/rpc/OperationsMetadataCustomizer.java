package com.tradeflow.platform.rpc;

import com.tradeflow.platform.registry.OperationsMetadata;
import org.apache.dubbo.config.spring.extension.SpringExtensionInjector;
import org.apache.dubbo.registry.client.ServiceInstance;
import org.apache.dubbo.registry.client.ServiceInstanceCustomizer;
import org.apache.dubbo.rpc.model.ApplicationModel;
import org.springframework.context.ApplicationContext;

/**
 * Adds {@link OperationsMetadata} (actuator address and port, build version) to the provider's application-level
 * instance in the registry, where the operations console finds it. Dubbo loads it by SPI
 * ({@code META-INF/dubbo/org.apache.dubbo.registry.client.ServiceInstanceCustomizer}) when it registers the
 * instance, after the web server started.
 */
public class OperationsMetadataCustomizer implements ServiceInstanceCustomizer {

    @Override
    public void customize(ServiceInstance serviceInstance, ApplicationModel applicationModel) {
        ApplicationContext context =
                SpringExtensionInjector.get(applicationModel).getContext();
        if (context != null) {
            serviceInstance.getMetadata().putAll(OperationsMetadata.of(context));
        }
    }
}
