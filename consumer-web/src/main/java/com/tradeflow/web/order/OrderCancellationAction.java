package com.tradeflow.web.order;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.platform.transaction.ActionContexts;
import com.tradeflow.web.outbox.OutboxStatus;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.apache.seata.rm.tcc.api.LocalTCC;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;
import org.springframework.stereotype.Component;

/**
 * TCC order row of a cancellation: the try moves PLACED -> CANCELLING (a second cancellation is refused while
 * this one runs), confirm makes it CANCELLED and writes its OrderCancelled event, cancel puts it back to PLACED. Fenced by Seata in the user's
 * database.
 */
@LocalTCC
@Component
public class OrderCancellationAction {

    private final OrderRepository orders;

    OrderCancellationAction(OrderRepository orders) {
        this.orders = orders;
    }

    @TwoPhaseBusinessAction(
            name = "web-cancel-order",
            commitMethod = "confirm",
            rollbackMethod = "cancel",
            useTCCFence = true)
    public void begin(
            BusinessActionContext context,
            @BusinessActionContextParameter("orderId") long orderId,
            @BusinessActionContextParameter("userId") long userId,
            @BusinessActionContextParameter("eventId") String eventId,
            @BusinessActionContextParameter("eventStatus") String eventStatus) {
        if (!orders.changeStatus(orderId, userId, OrderStatus.PLACED, OrderStatus.CANCELLING)) {
            throw new BusinessException(ErrorCode.ORDER_NOT_CANCELLABLE, "order " + orderId + " is not PLACED");
        }
    }

    public boolean confirm(BusinessActionContext context) {
        orders.changeStatusAnnounced(
                ActionContexts.longValue(context, "orderId"),
                ActionContexts.longValue(context, "userId"),
                OrderStatus.CANCELLING,
                OrderStatus.CANCELLED,
                OrderEvent.CANCELLED,
                ActionContexts.stringValue(context, "eventId"),
                OutboxStatus.valueOf(ActionContexts.stringValue(context, "eventStatus")));
        return true;
    }

    public boolean cancel(BusinessActionContext context) {
        orders.changeStatus(
                ActionContexts.longValue(context, "orderId"),
                ActionContexts.longValue(context, "userId"),
                OrderStatus.CANCELLING,
                OrderStatus.PLACED);
        return true;
    }
}
