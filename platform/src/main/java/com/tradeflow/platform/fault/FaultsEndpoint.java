package com.tradeflow.platform.fault;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/** {@code GET /actuator/faults}, {@code POST /actuator/faults/{name}} (arm), {@code DELETE} (disarm). */
@Endpoint(id = "faults")
public class FaultsEndpoint {

    private final FaultSwitches switches;

    public FaultsEndpoint(FaultSwitches switches) {
        this.switches = switches;
    }

    @ReadOperation
    public Map<String, Boolean> faults() {
        return switches.state();
    }

    @WriteOperation
    public Map<String, Boolean> arm(@Selector String name) {
        switches.arm(name);
        return switches.state();
    }

    @DeleteOperation
    public Map<String, Boolean> disarm(@Selector String name) {
        switches.disarm(name);
        return switches.state();
    }
}
