package com.tradeflow.platform.events;

import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.remoting.RPCHook;

/** Settings every RocketMQ client of a service needs before it starts. */
public final class RocketMqClients {

    private static final String REMOTING_VERSION = "rocketmq.remoting.version";
    /** How often the unused auto-batching threads of a producer wake up (see {@link #start}). */
    private static final int UNUSED_BATCH_WAKE_UP_MILLIS = 1000;

    private RocketMqClients() {}

    /**
     * Clients announce the current protocol version; without it the 5.x broker answers route queries in a form
     * this client misreads ("No route info of this topic", see ../shared/INFRA-NOTES.md).
     */
    public static void useCurrentRemotingVersion() {
        if (System.getProperty(REMOTING_VERSION) == null) {
            System.setProperty(REMOTING_VERSION, String.valueOf(MQVersion.CURRENT_VERSION));
        }
    }

    /**
     * What signs each request of a client to the broker with the service's access key ({@code tradeflow.events.
     * access-key}), for a broker with its ACL on; null, the clients' "no hook", without one. Pass it to the client's
     * constructor: it cannot be added later.
     */
    public static RPCHook signing(EventsProperties properties) {
        return properties.signsBrokerRequests()
                ? new AclClientRPCHook(new SessionCredentials(properties.accessKey(), properties.secretKey()))
                : null;
    }

    /**
     * Points a producer at the name server, names its client instance after its group (one instance per group in
     * a JVM), applies the send timeout and starts it. Set anything else (a transaction listener) before.
     *
     * @throws IllegalStateException it cannot start
     */
    public static <P extends DefaultMQProducer> P start(P producer, EventsProperties properties) {
        useCurrentRemotingVersion();
        producer.setNamesrvAddr(properties.namesrv());
        producer.setInstanceName(producer.getProducerGroup());
        producer.setSendMsgTimeout(Math.toIntExact(properties.sendTimeout().toMillis()));
        // Two threads of the client's auto-batching wake up every batchMaxDelayMs (10 ms by default), batching or not:
        // 2 % of a core per process at rest. Nothing here auto-batches, so they may as well wake once a second.
        producer.batchMaxDelayMs(UNUSED_BATCH_WAKE_UP_MILLIS);
        try {
            producer.start();
        } catch (MQClientException e) {
            throw new IllegalStateException(
                    "producer " + producer.getProducerGroup() + " cannot start (name server " + properties.namesrv()
                            + "): " + e.getMessage(),
                    e);
        }
        return producer;
    }
}
