package com.tradeflow.rocketmq.server;

import java.util.Map;
import java.util.Optional;

/**
 * The access key and secret every client of the broker signs its requests with (RocketMQ's ACL: an HMAC of each
 * request under the secret). Given to the server process by environment, never on its command line, where any user
 * of the machine could read it. No RocketMQ type here: devstack uses this record without RocketMQ on its class path
 * (the clients build their signing hook from the two strings).
 *
 * @param accessKey who the client says it is
 * @param secretKey the key of its signatures; never printed
 */
public record BrokerCredentials(String accessKey, String secretKey) {

    public static final String ACCESS_KEY_VARIABLE = "ROCKETMQ_ACCESS_KEY";
    public static final String SECRET_KEY_VARIABLE = "ROCKETMQ_SECRET_KEY";

    public BrokerCredentials {
        if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException(
                    ACCESS_KEY_VARIABLE + " and " + SECRET_KEY_VARIABLE + " must both be set, or neither");
        }
    }

    /** The credentials in {@value #ACCESS_KEY_VARIABLE} and {@value #SECRET_KEY_VARIABLE}, if the first is set. */
    public static Optional<BrokerCredentials> fromEnvironment(Map<String, String> env) {
        String accessKey = env.get(ACCESS_KEY_VARIABLE);
        if (accessKey == null || accessKey.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new BrokerCredentials(
                accessKey.strip(), env.getOrDefault(SECRET_KEY_VARIABLE, "").strip()));
    }

    public Map<String, String> asEnvironment() {
        return Map.of(ACCESS_KEY_VARIABLE, accessKey, SECRET_KEY_VARIABLE, secretKey);
    }

    @Override
    public String toString() {
        return "BrokerCredentials[accessKey=" + accessKey + ", secretKey=(set)]";
    }
}
