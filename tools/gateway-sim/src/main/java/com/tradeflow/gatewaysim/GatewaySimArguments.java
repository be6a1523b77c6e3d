package com.tradeflow.gatewaysim;

import com.tradeflow.gatewaysim.fault.FaultChanges;
import com.tradeflow.gatewaysim.fault.Faults;
import com.tradeflow.gatewaysim.notification.RetryBackoff;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads {@link GatewaySimOptions} from the command line, falling back to environment variables
 * ({@code --api-key} or {@code GATEWAY_API_KEY}): the environment keeps credentials out of {@code ps} output.
 * A command-line value wins over the environment.
 */
final class GatewaySimArguments {

    /** One option: its flag, the environment variable behind it, and the fault setting it sets, if any. */
    record Option(String flag, String env, String fault, String help) {

        static Option of(String flag, String help) {
            return new Option(flag, envName(flag), null, help);
        }

        static Option fault(String flag, String fault, String help) {
            return new Option(flag, envName(flag), fault, help);
        }

        private static String envName(String flag) {
            return "GATEWAY_" + flag.substring(2).replace('-', '_').toUpperCase();
        }
    }

    static final List<Option> OPTIONS = List.of(
            Option.of("--port", "HTTP port on 127.0.0.1 (default " + GatewaySimOptions.DEFAULT_PORT + ", 0: any free)"),
            Option.of("--api-key", "merchant API key (required)"),
            Option.of("--secret", "notification signing secret (required)"),
            Option.of("--admin-token", "admin API token (required)"),
            Option.of(
                    "--settle-delay-ms",
                    "time a payment stays PENDING (default " + GatewaySimOptions.DEFAULT_SETTLE_DELAY.toMillis() + ")"),
            Option.of(
                    "--notify-initial-interval-ms",
                    "first re-send interval, doubled each time (default "
                            + RetryBackoff.DEFAULT_INITIAL_INTERVAL.toMillis() + ")"),
            Option.of(
                    "--notify-max-interval-ms",
                    "longest re-send interval (default " + RetryBackoff.DEFAULT_MAX_INTERVAL.toMillis() + ")"),
            Option.of(
                    "--notify-max-attempts",
                    "attempts per notification before giving up (default " + RetryBackoff.DEFAULT_MAX_ATTEMPTS + ")"),
            Option.of(
                    "--notify-timeout-ms",
                    "a merchant slower than this has not acknowledged (default "
                            + GatewaySimOptions.DEFAULT_NOTIFY_TIMEOUT.toMillis() + ")"),
            Option.fault("--error-rate", "errorRate", "share of merchant calls answered 500, nothing done"),
            Option.fault("--timeout-rate", "timeoutRate", "share of merchant calls done but answered late"),
            Option.fault(
                    "--timeout-delay-ms",
                    "timeoutDelayMillis",
                    "how late (default " + Faults.DEFAULT_TIMEOUT_DELAY_MILLIS + ")"),
            Option.fault("--latency-ms", "latencyMillis", "added to every merchant API answer"),
            Option.fault("--lost-notification-rate", "lostNotificationRate", "share of payments never notified"),
            Option.fault(
                    "--duplicate-notification-rate",
                    "duplicateNotificationRate",
                    "share of payments notified twice at once"),
            Option.fault(
                    "--out-of-order-rate",
                    "outOfOrderRate",
                    "share of payments followed by a stale PENDING notification"),
            Option.fault("--failed-rate", "failedRate", "share of payments that end FAILED"),
            Option.fault("--seed", "seed", "makes the fault decisions reproducible"));

    static final String USAGE = "usage: java -jar gateway-sim.jar --api-key KEY --secret SECRET --admin-token TOKEN"
            + " [options]\n"
            + OPTIONS.stream()
                    .map(o -> String.format(
                            "  %-37s %-37s %s",
                            o.flag() + " "
                                    + (o.flag().endsWith("-ms")
                                            ? "MILLIS"
                                            : o.flag().endsWith("-rate") ? "0..1" : "VALUE"),
                            o.env(),
                            o.help()))
                    .collect(Collectors.joining("\n"))
            + "\nEvery option falls back to its environment variable. Bound to 127.0.0.1; local testing only.";

    private GatewaySimArguments() {}

    /**
     * @return null when help was asked for
     * @throws IllegalArgumentException naming the bad or missing option
     */
    static GatewaySimOptions parse(String[] args, Map<String, String> env) {
        Map<String, Option> byFlag = OPTIONS.stream().collect(Collectors.toMap(Option::flag, o -> o));
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                return null;
            }
            if (!byFlag.containsKey(arg)) {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            given.put(arg, args[++i]);
        }
        Map<String, String> values = new HashMap<>();
        for (Option option : OPTIONS) {
            String value = given.containsKey(option.flag()) ? given.get(option.flag()) : env.get(option.env());
            if (value != null && !value.isBlank()) {
                values.put(option.flag(), value.trim());
            }
        }
        return toOptions(values, byFlag);
    }

    private static GatewaySimOptions toOptions(Map<String, String> values, Map<String, Option> byFlag) {
        String apiKey = required(values, "--api-key");
        String secret = required(values, "--secret");
        String adminToken = required(values, "--admin-token");
        GatewaySimOptions options = GatewaySimOptions.defaults(apiKey, secret, adminToken);
        if (values.containsKey("--port")) {
            options = options.withPort((int) whole(values, "--port", 0, 65535));
        }
        if (values.containsKey("--settle-delay-ms")) {
            options = options.withSettleDelay(millis(values, "--settle-delay-ms", 0));
        }
        RetryBackoff retry = options.notifyRetry();
        Duration initial = values.containsKey("--notify-initial-interval-ms")
                ? millis(values, "--notify-initial-interval-ms", 1)
                : retry.initialInterval();
        Duration max = values.containsKey("--notify-max-interval-ms")
                ? millis(values, "--notify-max-interval-ms", 1)
                : retry.maxInterval();
        int attempts = values.containsKey("--notify-max-attempts")
                ? (int) whole(values, "--notify-max-attempts", 1, 1000)
                : retry.maxAttempts();
        if (!values.containsKey("--notify-max-interval-ms") && max.compareTo(initial) < 0) {
            max = initial; // a long initial interval alone lifts the default cap instead of being refused
        }
        try {
            options = options.withNotifyRetry(new RetryBackoff(initial, max, attempts));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad notify option: " + e.getMessage(), e);
        }
        if (values.containsKey("--notify-timeout-ms")) {
            options = options.withNotifyTimeout(millis(values, "--notify-timeout-ms", 1));
        }
        return options.withFaults(faults(values, byFlag));
    }

    private static Faults faults(Map<String, String> values, Map<String, Option> byFlag) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Map.Entry<String, String> value : values.entrySet()) {
            Option option = byFlag.get(value.getKey());
            if (option.fault() == null) {
                continue;
            }
            try {
                changes.put(
                        option.fault(),
                        option.fault().endsWith("Rate")
                                ? (Object) Double.valueOf(value.getValue())
                                : (Object) Long.valueOf(value.getValue()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option.flag() + " is not a number: " + value.getValue());
            }
        }
        try {
            return FaultChanges.apply(Faults.none(), changes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad fault option: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> values, String flag) {
        String value = values.get(flag);
        if (value == null) {
            throw new IllegalArgumentException(flag + " (or " + Option.envName(flag) + ") is required");
        }
        return value;
    }

    private static Duration millis(Map<String, String> values, String flag, long min) {
        return Duration.ofMillis(whole(values, flag, min, Faults.MAX_DELAY_MILLIS));
    }

    private static long whole(Map<String, String> values, String flag, long min, long max) {
        String value = values.get(flag);
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " is not a whole number: " + value);
        }
        if (number < min || number > max) {
            throw new IllegalArgumentException(flag + " must be between " + min + " and " + max + ": " + value);
        }
        return number;
    }
}
