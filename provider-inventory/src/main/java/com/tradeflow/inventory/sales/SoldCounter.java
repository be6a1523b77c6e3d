package com.tradeflow.inventory.sales;

import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.platform.events.OrderEventHandler;
import org.springframework.stereotype.Component;

/** Units sold per product: a placed order adds its quantity, its cancellation takes it back. */
@Component
class SoldCounter implements OrderEventHandler {

    private final SalesRepository sales;

    SoldCounter(SalesRepository sales) {
        this.sales = sales;
    }

    @Override
    public void apply(OrderEvent event) {
        sales.add(event.skuId(), event.placed() ? event.quantity() : -event.quantity());
    }
}
