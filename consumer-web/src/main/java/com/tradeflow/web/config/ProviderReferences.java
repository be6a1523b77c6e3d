package com.tradeflow.web.config;

import com.tradeflow.api.account.WalletService;
import com.tradeflow.api.inventory.InventoryService;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.spring.ReferenceBean;
import org.apache.dubbo.config.spring.reference.ReferenceBeanBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The providers as Dubbo references. Writes are never retried by the cluster (a retry would re-run the write inside
 * the same global transaction) and are idempotent per order: every method is failfast ({@code retries = 0}) unless
 * named here as a read, which may fail over once to another instance ({@link #READ_RETRIES}). So a write added to
 * an interface is failfast without anyone remembering to say so (restock and refund once were not). The per-method
 * count is a URL parameter: {@code @Method(retries = ...)} on a {@code @Bean} reference was seen to be ignored.
 */
@Configuration(proxyBeanMethods = false)
class ProviderReferences {

    /** Tries after the first of a read that failed on its way (timeout, provider gone): another instance. */
    static final String READ_RETRIES = "1";

    @Bean
    @DubboReference(
            check = false,
            timeout = 5000,
            retries = 0,
            parameters = {
                "getProduct.retries",
                READ_RETRIES,
                "getMovements.retries",
                READ_RETRIES,
                "getStockChangedAfter.retries",
                READ_RETRIES,
                "getStockLevels.retries",
                READ_RETRIES
            })
    ReferenceBean<InventoryService> inventoryService() {
        return new ReferenceBeanBuilder().build();
    }

    @Bean
    // a transfer is not retried on a timeout, which leaves its outcome to GET or to a retry with the same key; its
    // longer timeout is set per call (TransferController): a "transfer.timeout" URL parameter was seen to be
    // ignored by the invokers of instance-level discovery (the call still timed out after the 5 s default)
    @DubboReference(
            check = false,
            timeout = 5000,
            retries = 0,
            parameters = {
                "getWallet.retries",
                READ_RETRIES,
                "getTransfer.retries",
                READ_RETRIES,
                "getMovements.retries",
                READ_RETRIES,
                "getBalancesChangedAfter.retries",
                READ_RETRIES,
                "getBalances.retries",
                READ_RETRIES,
                "getTransfersAfter.retries",
                READ_RETRIES,
                "getTransferSides.retries",
                READ_RETRIES,
                "getTopUpCredits.retries",
                READ_RETRIES,
                "getPointsChangedAfter.retries",
                READ_RETRIES,
                "getPoints.retries",
                READ_RETRIES,
                "getTopUpCreditsAfter.retries",
                READ_RETRIES
            })
    ReferenceBean<WalletService> walletService() {
        return new ReferenceBeanBuilder().build();
    }
}
