package com.tradeflow.api.event;

import java.util.ArrayList;
import java.util.List;

/**
 * Where events travel: the topic and the consumer groups that subscribe to it. Each group gets its own retry
 * and dead-letter topic ({@code %RETRY%group}, {@code %DLQ%group}); brokers with topic auto-creation off (the
 * local stack, production) need all of them created up front, and the dead-letter topics readable for replay.
 */
public final class EventTopics {

    /** OrderPlaced and OrderCancelled; the events of one order go to one queue (selected by order id). */
    public static final String ORDER_EVENTS = "tradeflow-order-events";
    /** TopUpSucceeded; the events of one top-up go to one queue (selected by top-up id). */
    public static final String WALLET_EVENTS = "tradeflow-wallet-events";
    /** FlashSaleTicketQueued; one queue per ticket id (there is one event per ticket). */
    public static final String FLASH_SALE_TICKETS = "tradeflow-flash-sale-tickets";
    /** provider-account: loyalty points. */
    public static final String POINTS_GROUP = "account-points";
    /** provider-inventory: sold counters. */
    public static final String SALES_GROUP = "inventory-sales";
    /**
     * provider-inventory: daily sales report. A slow subscriber: it stores each message in its inbox table and
     * acknowledges at once; a job applies the inbox with retries.
     */
    public static final String SALES_REPORT_GROUP = "inventory-sales-report";
    /** provider-account: credits the wallet of a succeeded top-up (wallet events). */
    public static final String TOP_UP_GROUP = "account-top-ups";
    /** consumer-web: places the order of each flash-sale ticket, at a bounded rate (flash-sale tickets). */
    public static final String FLASH_SALE_ORDERS_GROUP = "web-flash-sale-orders";

    public static final List<String> CONSUMER_GROUPS =
            List.of(POINTS_GROUP, SALES_GROUP, SALES_REPORT_GROUP, TOP_UP_GROUP, FLASH_SALE_ORDERS_GROUP);

    private EventTopics() {}

    /** The topic a consumer group subscribes to. */
    public static String topicOf(String group) {
        return switch (group) {
            case TOP_UP_GROUP -> WALLET_EVENTS;
            case FLASH_SALE_ORDERS_GROUP -> FLASH_SALE_TICKETS;
            default -> ORDER_EVENTS;
        };
    }

    /** The event type published on a topic. */
    public static Class<? extends IntegrationEvent> eventTypeOf(String topic) {
        return switch (topic) {
            case WALLET_EVENTS -> TopUpEvent.class;
            case FLASH_SALE_TICKETS -> FlashSaleTicketEvent.class;
            default -> OrderEvent.class;
        };
    }

    public static String retryTopic(String group) {
        return "%RETRY%" + group;
    }

    public static String deadLetterTopic(String group) {
        return "%DLQ%" + group;
    }

    /** Every topic the broker must have: the event topics, and the retry and dead-letter topic of each group. */
    public static List<String> all() {
        List<String> topics = new ArrayList<>();
        topics.add(ORDER_EVENTS);
        topics.add(WALLET_EVENTS);
        topics.add(FLASH_SALE_TICKETS);
        for (String group : CONSUMER_GROUPS) {
            topics.add(retryTopic(group));
            topics.add(deadLetterTopic(group));
        }
        return List.copyOf(topics);
    }
}
