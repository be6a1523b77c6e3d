package com.tradeflow.web.events;

import com.tradeflow.api.event.OrderEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.seata.core.context.RootContext;

/**
 * The events announced by the global transaction running on each thread, kept until its commit takes them. One
 * that rolled back leaves its events behind; the next transaction of the thread (another xid) starts afresh.
 */
public final class AnnouncedEvents {

    private final ThreadLocal<Announced> announced = new ThreadLocal<>();

    /** Inside the global transaction's work. */
    public void add(OrderEvent event) {
        String xid = RootContext.getXID();
        Announced current = announced.get();
        if (current == null || !current.xid().equals(xid)) {
            current = new Announced(xid, new ArrayList<>());
            announced.set(current);
        }
        current.events().add(event);
    }

    /** At the commit of global transaction {@code xid}, on the thread that ran its work. */
    public List<OrderEvent> take(String xid) {
        Announced current = announced.get();
        announced.remove();
        return current != null && current.xid().equals(xid) ? current.events() : List.of();
    }

    private record Announced(String xid, List<OrderEvent> events) {}
}
