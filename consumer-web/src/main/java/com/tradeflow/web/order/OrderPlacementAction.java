package com.tradeflow.web.order;

import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.platform.transaction.ActionContexts;
import com.tradeflow.web.outbox.OutboxStatus;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.apache.seata.rm.tcc.api.LocalTCC;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;
import org.springframework.stereotype.Component;

/**
 * TCC order row of a purchase: the try writes the order as PENDING (with its Idempotency-Key), confirm
 * makes it PLACED and writes its OrderPlaced event (so no event exists before the global commit) with the id and
 * outbox status the try was given, cancel removes both rows. Fenced by Seata in the user's database.
 */
@LocalTCC
@Component
public class OrderPlacementAction {

    private final OrderRepository orders;

    OrderPlacementAction(OrderRepository orders) {
        this.orders = orders;
    }

    @TwoPhaseBusinessAction(
            name = "web-place-order",
            commitMethod = "confirm",
            rollbackMethod = "cancel",
            useTCCFence = true)
    public void place(
            BusinessActionContext context,
            @BusinessActionContextParameter("orderId") long orderId,
            @BusinessActionContextParameter("userId") long userId,
            @BusinessActionContextParameter("eventId") String eventId,
            @BusinessActionContextParameter("eventStatus") String eventStatus,
            Order order,
            String idempotencyKey,
            String fingerprint) {
        orders.insertRows(order, idempotencyKey, fingerprint);
    }

    public boolean confirm(BusinessActionContext context) {
        orders.changeStatusAnnounced(
                ActionContexts.longValue(context, "orderId"),
                ActionContexts.longValue(context, "userId"),
                OrderStatus.PENDING,
                OrderStatus.PLACED,
                OrderEvent.PLACED,
                ActionContexts.stringValue(context, "eventId"),
                OutboxStatus.valueOf(ActionContexts.stringValue(context, "eventStatus")));
        return true;
    }

    public boolean cancel(BusinessActionContext context) {
        orders.deleteUnplaced(
                ActionContexts.longValue(context, "orderId"), ActionContexts.longValue(context, "userId"));
        return true;
    }
}
