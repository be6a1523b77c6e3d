package com.tradeflow.platform.rpc;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Sets the caller token ({@link CallerToken}) from {@code tradeflow.rpc.caller-token} while the context starts,
 * before Dubbo exports or calls anything; a missing or short token stops the start.
 */
@AutoConfiguration
public class CallerTokenAutoConfiguration {

    CallerTokenAutoConfiguration(@Value("${tradeflow.rpc.caller-token:}") String token) {
        CallerToken.configure(token);
    }
}
