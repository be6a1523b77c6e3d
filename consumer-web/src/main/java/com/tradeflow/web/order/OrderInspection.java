package com.tradeflow.web.order;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.platform.tracing.MessageTraces;
import com.tradeflow.web.outbox.OutboxEvent;
import com.tradeflow.web.outbox.OutboxRepository;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What an operator looks up about one order: the order, the global transactions run for it, its events and whether
 * they reached the broker, and the trace of the request that placed it. For the admin API and the console alike.
 */
@Service
public class OrderInspection {

    private final OrderRepository orders;
    private final OutboxRepository outbox;

    OrderInspection(OrderRepository orders, OutboxRepository outbox) {
        this.orders = orders;
        this.outbox = outbox;
    }

    /** @throws BusinessException NOT_FOUND for an unknown order */
    public Details find(long orderId) {
        OrderRepository.Traced traced = orders.findTraced(orderId)
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "no order " + orderId));
        Order order = traced.order();
        String traceId = MessageTraces.traceIdOf(traced.traceParent()).orElse(null);
        return new Details(order, traceId, orders.transactions(order), outbox.findByAggregate(orderId, order.userId()));
    }

    /**
     * @param traceId      the trace of the request that placed the order; null when it was not traced
     * @param transactions newest first
     * @param events       in the order they were written
     */
    public record Details(Order order, String traceId, List<OrderTransaction> transactions, List<OutboxEvent> events) {}
}
