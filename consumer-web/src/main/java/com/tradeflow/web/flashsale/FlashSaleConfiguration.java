package com.tradeflow.web.flashsale;

import com.tradeflow.api.event.EventTopics;
import com.tradeflow.api.event.FlashSaleTicketEvent;
import com.tradeflow.api.inventory.InventoryService;
import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import com.tradeflow.platform.datasource.ManualCommitTransactionManager;
import com.tradeflow.platform.events.EventSubscriptions;
import com.tradeflow.web.order.OrderRepository;
import com.tradeflow.web.order.PlaceOrderService;
import com.tradeflow.web.outbox.OutboxRepository;
import com.tradeflow.web.system.IdGenerator;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.JedisPooled;

/**
 * Flash sales: their home database (the first order database's plain pool), the Redis gate, and the subscription
 * that places the orders of queued tickets at {@code tradeflow.flash-sales.order-rate}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FlashSaleProperties.class)
class FlashSaleConfiguration {

    /** The limiter hands out one permission at a time, evenly spaced: no burst at the start of each second. */
    private static final int PERMITS_PER_PERIOD = 1;

    private static final long NANOS_PER_SECOND = Duration.ofSeconds(1).toNanos();

    @Bean
    FlashSaleRepository flashSaleRepository(BranchTypeRoutingDataSource dataSource, OutboxRepository outbox) {
        DataSource home = dataSource.physicalPools().get(0);
        return new FlashSaleRepository(
                new JdbcTemplate(home), new TransactionTemplate(new ManualCommitTransactionManager(home)), outbox);
    }

    @Bean
    FlashSaleGate flashSaleGate(JedisPooled jedis) {
        return new FlashSaleGate(jedis);
    }

    @Bean
    FlashSaleCatalog flashSaleCatalog(FlashSaleRepository sales, FlashSaleGate gate) {
        return new FlashSaleCatalog(sales, gate);
    }

    @Bean
    OpenFlashSaleService openFlashSaleService(
            FlashSaleRepository sales, FlashSaleCatalog catalog, InventoryService inventory, IdGenerator ids) {
        return new OpenFlashSaleService(sales, catalog, inventory, ids);
    }

    @Bean
    EnterFlashSaleService enterFlashSaleService(
            FlashSaleCatalog catalog, FlashSaleGate gate, FlashSaleRepository sales, IdGenerator ids) {
        return new EnterFlashSaleService(catalog, gate, sales, ids);
    }

    @Bean
    FlashSaleReconciliation flashSaleReconciliation(
            FlashSaleCatalog catalog,
            FlashSaleRepository sales,
            FlashSaleGate gate,
            OrderRepository orders,
            FlashSaleProperties properties) {
        return new FlashSaleReconciliation(catalog, sales, gate, orders, properties.stuckAfter());
    }

    @Bean
    @ConditionalOnProperty(name = "tradeflow.flash-sales.orders-enabled", havingValue = "true", matchIfMissing = true)
    SmartLifecycle flashSaleOrders(
            EventSubscriptions subscriptions,
            FlashSaleRepository sales,
            FlashSaleCatalog catalog,
            FlashSaleGate gate,
            PlaceOrderService orders,
            FlashSaleProperties properties) {
        RateLimiter rate = RateLimiter.of(
                "flash-sale-orders",
                RateLimiterConfig.custom()
                        .limitForPeriod(PERMITS_PER_PERIOD)
                        .limitRefreshPeriod(Duration.ofNanos(NANOS_PER_SECOND / properties.orderRate()))
                        .timeoutDuration(properties.rateWait())
                        .build());
        FlashSaleOrderPlacer placer = new FlashSaleOrderPlacer(sales, catalog, gate, orders, rate, properties);
        return subscriptions.deliverEach(
                EventTopics.FLASH_SALE_ORDERS_GROUP,
                FlashSaleTicketEvent.class,
                properties.maxReconsumeTimes(),
                placer::place);
    }
}
