package com.tradeflow.e2e;

import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.protocol.admin.ConsumeStats;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The tests' own RocketMQ client, on the stack's name server: sends raw messages, looks messages up by key. */
final class Broker implements AutoCloseable {

    private static final long TIMEOUT_MILLIS = 3_000;
    private final DefaultMQProducer producer = new DefaultMQProducer("e2e-tests");

    Broker(String namesrv) throws MQClientException {
        System.setProperty("rocketmq.remoting.version", String.valueOf(MQVersion.CURRENT_VERSION));
        producer.setNamesrvAddr(namesrv);
        producer.setInstanceName("e2e-tests");
        producer.start();
    }

    /** Sends a message into the queue of the order, as consumer-web would. */
    void send(String topic, String tag, List<String> keys, String body, long orderId) throws Exception {
        Message message = new Message(topic, tag, null, body.getBytes(StandardCharsets.UTF_8));
        message.setKeys(keys);
        SendResult result = producer.send(message,
                (queues, m, arg) -> queues.get(Math.floorMod(Long.hashCode((Long) arg), queues.size())), orderId);
        if (result.getSendStatus() != SendStatus.SEND_OK) {
            throw new IllegalStateException("not stored: " + result);
        }
    }

    /** Messages of the topic stored with that key (the broker's index). */
    @SuppressWarnings("deprecation")
    List<MessageExt> withKey(String topic, String key) throws Exception {
        return producer.queryMessage(topic, key, 32, 0, Long.MAX_VALUE).getMessageList();
    }

    /** Where the name server says the topic's queues are. */
    TopicRouteData route(String topic) throws Exception {
        return producer.getDefaultMQProducerImpl().getmQClientFactory().getMQClientAPIImpl()
                .getTopicRouteInfoFromNameServer(topic, TIMEOUT_MILLIS);
    }

    /**
     * Messages of the topic the group has not acknowledged yet, as the broker sees them: the sum over the queues
     * of (last offset - the group's committed offset).
     */
    long lag(String topic, String group) throws Exception {
        MQClientAPIImpl client = producer.getDefaultMQProducerImpl().getmQClientFactory().getMQClientAPIImpl();
        TopicRouteData route = client.getTopicRouteInfoFromNameServer(topic, TIMEOUT_MILLIS);
        long lag = 0;
        for (BrokerData broker : route.getBrokerDatas()) {
            ConsumeStats stats = client.getConsumeStats(broker.selectBrokerAddr(), group, topic, TIMEOUT_MILLIS);
            lag += stats.computeTotalDiff();
        }
        return lag;
    }

    @Override
    public void close() {
        producer.shutdown();
    }
}
