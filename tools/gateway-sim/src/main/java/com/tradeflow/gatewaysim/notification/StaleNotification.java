package com.tradeflow.gatewaysim.notification;

/**
 * The out-of-order fault's message: a PENDING notification of an already settled payment, signed with the
 * payment's creation time as its timestamp, as if it had been stuck in a queue since then.
 */
record StaleNotification(byte[] body, long timestampSeconds) {}
