package com.tradeflow.e2e;

import com.tradeflow.devstack.DevStackOptions;
import com.tradeflow.rocketmq.server.BrokerCredentials;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.admin.ConsumeStats;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;

/** The tests' own RocketMQ client, on the stack's name server: sends raw messages, looks messages up by key. */
final class Broker implements AutoCloseable {

    private static final long TIMEOUT_MILLIS = 3_000;
    private final DefaultMQProducer producer;

    private Broker(String namesrv, String name, RPCHook signing) throws MQClientException {
        System.setProperty("rocketmq.remoting.version", String.valueOf(MQVersion.CURRENT_VERSION));
        producer = new DefaultMQProducer(name, signing);
        producer.setNamesrvAddr(namesrv);
        producer.setInstanceName(name);
        producer.start();
    }

    /** A client with the services' broker credentials: an insider, whose requests the broker takes. */
    static Broker of(DevStackOptions options) throws MQClientException {
        BrokerCredentials credentials = options.brokerCredentials();
        return new Broker(
                options.effectiveRocketmqNamesrv(),
                "e2e-tests",
                credentials == null
                        ? null
                        : new AclClientRPCHook(
                                new SessionCredentials(credentials.accessKey(), credentials.secretKey())));
    }

    /** A client that does not sign its requests: anyone who reaches the broker's port. */
    static Broker unsigned(DevStackOptions options) throws MQClientException {
        return new Broker(options.effectiveRocketmqNamesrv(), "e2e-outsider", null);
    }

    /** Sends a message into the queue of the order, as consumer-web would. */
    void send(String topic, String tag, List<String> keys, String body, long orderId) throws Exception {
        Message message = new Message(topic, tag, null, body.getBytes(StandardCharsets.UTF_8));
        message.setKeys(keys);
        SendResult result = producer.send(
                message,
                (queues, m, arg) -> queues.get(Math.floorMod(Long.hashCode((Long) arg), queues.size())),
                orderId);
        if (result.getSendStatus() != SendStatus.SEND_OK) {
            throw new IllegalStateException("not stored: " + result);
        }
    }

    /** Messages of the topic stored with that key (the broker's index); empty when there is none. */
    @SuppressWarnings("deprecation")
    List<MessageExt> withKey(String topic, String key) throws Exception {
        try {
            return producer.queryMessage(topic, key, 32, 0, Long.MAX_VALUE).getMessageList();
        } catch (MQClientException e) {
            if (e.getResponseCode() == ResponseCode.NO_MESSAGE) {
                return List.of();
            }
            throw e;
        }
    }

    /** Where the name server says the topic's queues are. */
    TopicRouteData route(String topic) throws Exception {
        return producer.getDefaultMQProducerImpl()
                .getmQClientFactory()
                .getMQClientAPIImpl()
                .getTopicRouteInfoFromNameServer(topic, TIMEOUT_MILLIS);
    }

    /**
     * Messages of the topic the group has not acknowledged yet, as the broker sees them: the sum over the queues
     * of (last offset - the group's committed offset).
     */
    long lag(String topic, String group) throws Exception {
        MQClientAPIImpl client =
                producer.getDefaultMQProducerImpl().getmQClientFactory().getMQClientAPIImpl();
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
