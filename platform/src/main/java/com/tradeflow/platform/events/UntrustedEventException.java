package com.tradeflow.platform.events;

/**
 * A message that must never take effect, whatever the number of deliveries (a missing or wrong signature): the
 * consumer sends it to its group's dead-letter topic at once, where operators see it, instead of retrying it
 * and holding up the ordered queue behind it.
 */
public class UntrustedEventException extends RuntimeException {

    public UntrustedEventException(String message) {
        super(message);
    }
}
