package com.tradeflow.web.flashsale;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.event.EventTopics;
import com.tradeflow.platform.books.ChangedRows;
import com.tradeflow.web.order.Order;
import com.tradeflow.web.order.OrderRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares what a flash sale's parts say: Redis's units left, the database's taken counter, the tickets (none
 * QUEUED for long), and the orders of the PLACED tickets (each one unit, at the sale's price, kept unless cancelled
 * later). Asked by an operator about one sale, and by the reconciliation job about the sales whose tickets changed.
 */
public class FlashSaleReconciliation {

    private final FlashSaleCatalog catalog;
    private final FlashSaleRepository sales;
    private final FlashSaleGate gate;
    private final OrderRepository orders;
    private final Duration stuckAfter;

    FlashSaleReconciliation(
            FlashSaleCatalog catalog,
            FlashSaleRepository sales,
            FlashSaleGate gate,
            OrderRepository orders,
            Duration stuckAfter) {
        this.catalog = catalog;
        this.sales = sales;
        this.gate = gate;
        this.orders = orders;
        this.stuckAfter = stuckAfter;
    }

    /**
     * @param redisLeft     units left in Redis; null when Redis holds no counters for the sale
     * @param taken         the database's count of tickets QUEUED or PLACED
     * @param tickets       tickets by status
     * @param ordersFound   orders of the PLACED tickets that exist (placed, or cancelled since)
     * @param ordersAmount  what those orders charged, in cents
     * @param consistent    no problem found
     * @param problems      every disagreement, in words
     */
    public record Report(
            String saleId,
            int quantity,
            Integer redisLeft,
            int taken,
            Map<TicketStatus, Long> tickets,
            int ordersFound,
            long ordersAmount,
            boolean consistent,
            List<String> problems) {}

    /** A page of sales whose tickets changed (each sale once), and the position to read on from. */
    public record ChangedSales(List<Long> saleIds, String next, boolean more) {}

    /**
     * The sales whose tickets changed after {@code position}, with those holding a ticket QUEUED for longer than
     * the stuck limit (a stuck ticket does not change, so no page would bring its sale back).
     */
    public ChangedSales changedAfter(String position, long settleMillis, int limit) {
        ChangedRows.Pages<FlashSaleRepository.TicketChange> changed =
                sales.ticketsChangedAfter(position, settleMillis, limit);
        Set<Long> saleIds = new LinkedHashSet<>();
        changed.rows().forEach(ticket -> saleIds.add(ticket.saleId()));
        saleIds.addAll(sales.salesWithTicketsQueuedBefore(Instant.now().minus(stuckAfter), limit));
        return new ChangedSales(List.copyOf(saleIds), changed.next(), changed.more());
    }

    /** @throws BusinessException NOT_FOUND for an unknown sale */
    public Report check(long saleId) {
        FlashSale sale = catalog.get(saleId);
        Integer redisLeft = gate.left(sale);
        int taken = sales.taken(saleId);
        Map<TicketStatus, Long> tickets = sales.ticketCounts(saleId);
        List<String> problems = new ArrayList<>();
        long holding = tickets.get(TicketStatus.QUEUED) + tickets.get(TicketStatus.PLACED);
        if (taken != holding) {
            problems.add("taken is " + taken + " but " + holding + " tickets are QUEUED or PLACED");
        }
        if (taken > sale.quantity()) {
            problems.add("oversold: " + taken + " tickets for " + sale.quantity() + " units");
        }
        long stuck = sales.queuedSince(saleId, Instant.now().minus(stuckAfter));
        if (stuck > 0) {
            problems.add(stuck + " tickets QUEUED for over " + stuckAfter + " (their messages dead-lettered? see "
                    + "/api/admin/dead-letters/" + EventTopics.FLASH_SALE_ORDERS_GROUP + ")");
        }
        if (redisLeft != null && redisLeft != sale.quantity() - taken) {
            problems.add("Redis has " + redisLeft + " units left, the database " + (sale.quantity() - taken));
        }
        int found = 0;
        long amount = 0;
        List<FlashSaleRepository.Ticket> placed = sales.placedTickets(saleId);
        Map<Long, Order> placedOrders = orders.findAll(
                placed.stream().map(FlashSaleRepository.Ticket::orderId).toList());
        for (FlashSaleRepository.Ticket ticket : placed) {
            Order order = placedOrders.get(ticket.orderId());
            if (order == null) {
                problems.add("ticket " + ticket.ticketId() + " is PLACED as order " + ticket.orderId()
                        + ", which does not exist");
                continue;
            }
            found++;
            amount += order.amount();
            if (order.skuId() != sale.skuId() || order.quantity() != 1 || order.amount() != sale.price()) {
                problems.add("order " + order.orderId() + " of ticket " + ticket.ticketId() + " is " + order.quantity()
                        + " x sku " + order.skuId() + " for " + order.amount() + " cents");
            }
            if (!order.status().settled()) {
                problems.add("order " + order.orderId() + " of ticket " + ticket.ticketId() + " is " + order.status());
            }
        }
        return new Report(
                String.valueOf(saleId),
                sale.quantity(),
                redisLeft,
                taken,
                tickets,
                found,
                amount,
                problems.isEmpty(),
                List.copyOf(problems));
    }
}
