package com.tradeflow.web.flashsale;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.api.event.FlashSaleTicketEvent;
import com.tradeflow.web.order.PlaceOrderService;
import io.github.resilience4j.ratelimiter.RateLimiter;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each queued ticket into an order through the normal purchase (one global transaction, the sale's price),
 * at most {@code order-rate} a second however many wait: the queue absorbs the spike, the databases see a steady
 * rate. A delivery first claims the ticket (a second delivery of it, a redelivery or a rebalance, waits and tries
 * again later), and the order is placed once under the ticket's own Idempotency-Key (a repeat answers the order
 * placed before). A refusal that will not pass (balance, stock) fails the ticket and gives its unit back to the
 * sale; a passing one (a lock, a provider or the coordinator away) is thrown, so the message is delivered again.
 */
class FlashSaleOrderPlacer {

    private static final Logger log = LoggerFactory.getLogger(FlashSaleOrderPlacer.class);
    /** Refusals that the same order would get again. */
    private static final Set<ErrorCode> FINAL = Set.of(
            ErrorCode.INSUFFICIENT_BALANCE,
            ErrorCode.INSUFFICIENT_STOCK,
            ErrorCode.NOT_FOUND,
            ErrorCode.VALIDATION_FAILED,
            ErrorCode.ACCESS_DENIED);

    private static final int ONE_UNIT = 1;

    private final FlashSaleRepository sales;
    private final FlashSaleCatalog catalog;
    private final FlashSaleGate gate;
    private final PlaceOrderService orders;
    private final RateLimiter rate;
    private final FlashSaleProperties properties;

    FlashSaleOrderPlacer(
            FlashSaleRepository sales,
            FlashSaleCatalog catalog,
            FlashSaleGate gate,
            PlaceOrderService orders,
            RateLimiter rate,
            FlashSaleProperties properties) {
        this.sales = sales;
        this.catalog = catalog;
        this.gate = gate;
        this.orders = orders;
        this.rate = rate;
        this.properties = properties;
    }

    /** @throws RuntimeException to have the ticket delivered again */
    void place(FlashSaleTicketEvent queued) {
        Optional<FlashSaleRepository.Ticket> found = sales.findTicket(queued.ticketId());
        if (found.isEmpty() || found.get().status() != TicketStatus.QUEUED) {
            log.info(
                    "flash-sale ticket {} is {}; nothing to place",
                    queued.ticketId(),
                    found.map(t -> t.status().name()).orElse("unknown"));
            return;
        }
        FlashSaleRepository.Ticket ticket = found.get();
        if (!rate.acquirePermission()) {
            throw new IllegalStateException("flash-sale ticket " + ticket.ticketId() + " waited "
                    + properties.rateWait() + " for its turn; delivered again");
        }
        if (!sales.claim(ticket.ticketId(), Instant.now().plus(properties.claimLease()))) {
            // another delivery is on it (or just finished it): this one comes back and finds out which
            throw new IllegalStateException(
                    "flash-sale ticket " + ticket.ticketId() + " is being placed by another delivery");
        }
        try {
            // user, sku and price from our own rows (the ticket and its sale), never from the message: anyone who
            // can write to the broker could name a price of one cent
            FlashSale sale = catalog.get(ticket.saleId());
            long orderId = orders.placeAtPrice(
                    ticket.userId(),
                    sale.skuId(),
                    ONE_UNIT,
                    properties.orderMode(),
                    sale.price(),
                    "flash-sale-ticket-" + ticket.ticketId());
            if (!sales.markPlaced(ticket.ticketId(), orderId)) {
                log.error(
                        "flash-sale ticket {} was no longer QUEUED when its order {} was placed; the order stands, "
                                + "an operator must settle the ticket",
                        ticket.ticketId(),
                        orderId);
            }
        } catch (BusinessException e) {
            if (!FINAL.contains(e.code())) {
                sales.release(ticket.ticketId());
                throw e;
            }
            if (sales.fail(ticket, e.code().name(), e.getMessage())) {
                gate.giveBack(catalog.get(ticket.saleId()), ticket.userId());
                log.info(
                        "flash-sale ticket {} of user {} FAILED ({}); its unit is back on sale {}",
                        ticket.ticketId(),
                        ticket.userId(),
                        e.code(),
                        ticket.saleId());
            }
        } catch (RuntimeException e) {
            sales.release(ticket.ticketId());
            throw e;
        }
    }
}
