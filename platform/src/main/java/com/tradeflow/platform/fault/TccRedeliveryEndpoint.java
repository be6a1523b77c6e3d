package com.tradeflow.platform.fault;

import java.util.List;
import org.apache.seata.core.exception.TransactionException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * Test-only: {@code POST /actuator/tccredelivery/{xid}} delivers again the confirms and cancels this service
 * received for the global transaction ({@link TccFaults}). Exists only when faults are enabled.
 */
@Endpoint(id = "tccredelivery")
public class TccRedeliveryEndpoint {

    private final TccFaults faults;

    TccRedeliveryEndpoint(TccFaults faults) {
        this.faults = faults;
    }

    @WriteOperation
    public List<TccFaults.Redelivery> redeliver(@Selector String xid) throws TransactionException {
        return faults.redeliver(xid);
    }
}
