package com.tradeflow.platform.sentinel;

import com.alibaba.csp.sentinel.util.TimeUtil;
import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Sentinel's clock ({@link TimeUtil}) reading {@link System#currentTimeMillis()} instead of a cached copy.
 *
 * <p>Once a process asks Sentinel for the time more than 1,200 times a second (a few dozen requests a second do: each
 * entry reads it several times), Sentinel 1.8 switches to a thread that wakes every millisecond to store the time in
 * a field. On this project's machine type that thread cost 1.8-2 % of a core in every service JVM under load, about
 * 6 % of a core for the stack (bench/README.md, "Sentinel's clock"), while reading the clock directly is a vDSO call
 * of a few tens of nanoseconds on Linux: the cache saves less than its thread costs (sentinel-golang turned its own
 * time cache off by default for the same reason). Sentinel has no setting for it, so this sets the private field that
 * schedules the thread's next look at the read rate to "never": the thread stays in its idle state (a wake-up every
 * 300 ms) and every read takes the system clock, as it does below the threshold anyway.
 *
 * <p>If a later Sentinel renames the field, nothing breaks: the clock keeps Sentinel's own behaviour and a warning
 * says so.
 */
final class SentinelClock {

    private static final Logger log = LoggerFactory.getLogger(SentinelClock.class);
    /** The time of TimeUtil's last look at its read rate; it looks again 3 s after it (it reads the field itself). */
    private static final String LAST_CHECK = "lastCheck";
    /** Its mode: IDLE reads the system clock, RUNNING the field its thread refreshes every millisecond. */
    private static final String STATE = "state";

    private SentinelClock() {}

    /** Puts Sentinel's clock on the system clock for good; returns whether it could. */
    static boolean readSystemTime() {
        return readSystemTime(TimeUtil.instance());
    }

    static boolean readSystemTime(TimeUtil clock) {
        try {
            set(clock, LAST_CHECK, Long.MAX_VALUE); // now - lastCheck stays negative: the next look never comes
            set(clock, STATE, TimeUtil.STATE.IDLE); // back to the system clock if load had switched it already
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn(
                    "Sentinel's clock keeps its own millisecond thread under load (about 2 % of a core): its field "
                            + "'{}' or '{}' could not be set ({}); this Sentinel version differs from the one expected",
                    LAST_CHECK, STATE, e.toString());
            return false;
        }
    }

    private static void set(TimeUtil clock, String name, Object value) throws ReflectiveOperationException {
        Field field = TimeUtil.class.getDeclaredField(name);
        field.setAccessible(true);
        field.set(clock, value);
    }
}
