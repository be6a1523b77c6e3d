package com.tradeflow.platform.fault;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named faults that tests arm through the {@code /actuator/faults} endpoint, which exists only when
 * {@code tradeflow.faults.enabled=true} (the test stack; never production). An armed fault fires on every
 * pass until disarmed.
 */
public final class FaultSwitches {

    private static final Logger log = LoggerFactory.getLogger(FaultSwitches.class);

    private static final long POLL_MILLIS = 50;
    /** How long {@link #holdWhileArmed(String)} holds at most: a forgotten switch must not hold a request forever. */
    private static final Duration HOLD_LIMIT = Duration.ofMinutes(2);

    private final Set<String> armed = ConcurrentHashMap.newKeySet();

    public void arm(String fault) {
        armed.add(fault);
        log.warn("fault armed: {}", fault);
    }

    public void disarm(String fault) {
        if (armed.remove(fault)) {
            log.warn("fault disarmed: {}", fault);
        }
    }

    public Map<String, Boolean> state() {
        Map<String, Boolean> state = new ConcurrentHashMap<>();
        armed.forEach(f -> state.put(f, true));
        return state;
    }

    /** Throws {@link InjectedFault} when the fault is armed. */
    public void fireIfArmed(String fault) {
        if (armed.contains(fault)) {
            log.warn("injecting fault {}", fault);
            throw new InjectedFault(fault);
        }
    }

    /** {@link #holdWhileArmed(String, Duration)} for at most the hold limit (two minutes). */
    public void holdWhileArmed(String fault) {
        holdWhileArmed(fault, HOLD_LIMIT);
    }

    /**
     * Holds the calling thread while the fault is armed (a "pause" to inspect or kill things mid-transaction), at
     * most {@code limit}: a forgotten switch must not hold a request forever.
     */
    public void holdWhileArmed(String fault, Duration limit) {
        if (!armed.contains(fault)) {
            return;
        }
        log.warn("holding at fault {} until it is disarmed (at most {})", fault, limit);
        long deadline = System.nanoTime() + limit.toNanos();
        while (armed.contains(fault) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.warn("released from fault {}", fault);
    }

    /** Sleeps {@code delay} when the fault is armed: makes a step slow rather than failed. */
    public void delayIfArmed(String fault, Duration delay) {
        if (!armed.contains(fault)) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The failure a fault switch injects. */
    public static final class InjectedFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InjectedFault(String fault) {
            super("injected fault: " + fault);
        }
    }
}
