package com.tradeflow.platform.fault;

import org.apache.seata.integration.tx.api.fence.hook.TccHookManager;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Fault switches are always there (so code can ask them) but can only be armed through the endpoint, which
 * exists only with {@code tradeflow.faults.enabled=true}.
 */
@AutoConfiguration
public class FaultsAutoConfiguration {

    @Bean
    FaultSwitches faultSwitches() {
        return new FaultSwitches();
    }

    @Bean
    @ConditionalOnProperty(name = "tradeflow.faults.enabled", havingValue = "true")
    FaultsEndpoint faultsEndpoint(FaultSwitches switches) {
        return new FaultsEndpoint(switches);
    }

    @Bean
    @ConditionalOnProperty(name = "tradeflow.faults.enabled", havingValue = "true")
    TccFaults tccFaults(FaultSwitches switches) {
        TccFaults faults = new TccFaults(switches);
        TccHookManager.registerHook(faults);
        return faults;
    }

    @Bean
    @ConditionalOnProperty(name = "tradeflow.faults.enabled", havingValue = "true")
    TccRedeliveryEndpoint tccRedeliveryEndpoint(TccFaults faults) {
        return new TccRedeliveryEndpoint(faults);
    }
}
