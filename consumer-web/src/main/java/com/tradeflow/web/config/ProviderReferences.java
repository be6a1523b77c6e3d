package com.tradeflow.web.config;

import com.tradeflow.api.account.WalletService;
import com.tradeflow.api.inventory.InventoryService;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.spring.ReferenceBean;
import org.apache.dubbo.config.spring.reference.ReferenceBeanBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The providers as Dubbo references. Reads may fail over to another instance; writes are never retried by the
 * cluster (a retry would re-run the write inside the same global transaction) and are idempotent per order.
 * The per-method retry count is a URL parameter: {@code @Method(retries = 0)} on a {@code @Bean} reference
 * was seen to be ignored (the write was tried twice).
 */
@Configuration(proxyBeanMethods = false)
class ProviderReferences {

    @Bean
    @DubboReference(check = false, timeout = 5000, retries = 1, parameters = {"deduct.retries", "0"})
    ReferenceBean<InventoryService> inventoryService() {
        return new ReferenceBeanBuilder().build();
    }

    @Bean
    // a transfer is not retried on a timeout, which leaves its outcome to GET or to a retry with the same key; its
    // longer timeout is set per call (TransferController): a "transfer.timeout" URL parameter was seen to be
    // ignored by the invokers of instance-level discovery (the call still timed out after the 5 s default)
    @DubboReference(check = false, timeout = 5000, retries = 1, parameters = {"debit.retries", "0",
            "transfer.retries", "0"})
    ReferenceBean<WalletService> walletService() {
        return new ReferenceBeanBuilder().build();
    }
}
