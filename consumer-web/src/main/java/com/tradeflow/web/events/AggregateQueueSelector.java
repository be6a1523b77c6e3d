package com.tradeflow.web.events;

import java.util.List;
import org.apache.rocketmq.client.producer.MessageQueueSelector;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * Picks the queue of a message from its aggregate id, an order or top-up id (the send's argument): every event of
 * one order lands in one queue, which an ordered consumer reads in order. Queues change only when the topic is
 * resized.
 */
final class AggregateQueueSelector implements MessageQueueSelector {

    @Override
    public MessageQueue select(List<MessageQueue> queues, Message message, Object aggregateId) {
        return queues.get(Math.floorMod(Long.hashCode((Long) aggregateId), queues.size()));
    }
}
