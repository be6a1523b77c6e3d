package com.tradeflow.platform.events;

import org.apache.rocketmq.common.MQVersion;

/** Settings every RocketMQ client of a service needs before it starts. */
public final class RocketMqClients {

    private static final String REMOTING_VERSION = "rocketmq.remoting.version";

    private RocketMqClients() {
    }

    /**
     * Clients announce the current protocol version; without it the 5.x broker answers route queries in a form
     * this client misreads ("No route info of this topic", see ../shared/INFRA-NOTES.md).
     */
    public static void useCurrentRemotingVersion() {
        if (System.getProperty(REMOTING_VERSION) == null) {
            System.setProperty(REMOTING_VERSION, String.valueOf(MQVersion.CURRENT_VERSION));
        }
    }
}
