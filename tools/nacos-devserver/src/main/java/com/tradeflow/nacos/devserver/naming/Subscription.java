package com.tradeflow.nacos.devserver.naming;

/** A connection's subscription to a service, for the clusters it asked for (empty: all). */
record Subscription(String connectionId, String clusters) {}
