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
    /** provider-account: loyalty points. */
    public static final String POINTS_GROUP = "account-points";
    /** provider-inventory: sold counters. */
    public static final String SALES_GROUP = "inventory-sales";
    /**
     * provider-inventory: daily sales report. A slow subscriber: it stores each message in its inbox table and
     * acknowledges at once; a job applies the inbox with retries.
     */
    public static final String SALES_REPORT_GROUP = "inventory-sales-report";
    public static final List<String> CONSUMER_GROUPS = List.of(POINTS_GROUP, SALES_GROUP, SALES_REPORT_GROUP);

    private EventTopics() {
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
        for (String group : CONSUMER_GROUPS) {
            topics.add(retryTopic(group));
            topics.add(deadLetterTopic(group));
        }
        return List.copyOf(topics);
    }
}
