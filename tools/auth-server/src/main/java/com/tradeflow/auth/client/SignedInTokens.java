package com.tradeflow.auth.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of users signed in through {@link DemoLogin}, one per user name, kept until shortly before they
 * expire and then renewed at the next ask. Thread-safe; a token still good is answered without a lock, as it is asked
 * for on every request of a load.
 */
public final class SignedInTokens {

    /** A token closer than this to its expiry is replaced, so that no request carries one that expires in flight. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(2);

    private final DemoLogin login;
    private final Map<String, DemoLogin.Token> tokens = new ConcurrentHashMap<>();

    public SignedInTokens(DemoLogin login) {
        this.login = login;
    }

    /**
     * @throws DemoLogin.SignInRefused wrong user name or password
     * @throws IllegalStateException   the issuer cannot be reached or answers unexpectedly
     */
    public String of(String username, String password) {
        DemoLogin.Token known = tokens.get(username);
        if (stillGood(known)) {
            return known.value();
        }
        return tokens.compute(username, (name, current) -> stillGood(current) ? current : login.signIn(name, password))
                .value();
    }

    private static boolean stillGood(DemoLogin.Token token) {
        return token != null && token.expiresAt().isAfter(Instant.now().plus(RENEW_BEFORE));
    }
}
