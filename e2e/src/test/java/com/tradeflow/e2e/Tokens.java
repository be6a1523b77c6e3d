package com.tradeflow.e2e;

import com.tradeflow.auth.client.DemoLogin;
import com.tradeflow.devstack.DevStackOptions;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the stack's auth-server, signed in to as a browser would (authorization code + PKCE), one
 * per user, kept until shortly before they expire.
 */
public final class Tokens {

    /** A token closer than this to its expiry is replaced, so that no request carries one that expires in flight. */
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(2);
    private static final String ADMIN = "admin";

    private final DemoLogin login;
    private final String demoPassword;
    private final String adminPassword;
    private final Map<String, DemoLogin.Token> signedIn = new ConcurrentHashMap<>();

    Tokens(DevStackOptions.Identity identity) {
        this.login = new DemoLogin(URI.create(identity.effectiveIssuerUri()));
        this.demoPassword = identity.demoPassword();
        this.adminPassword = identity.adminPassword();
    }

    /** The access token of demo user {@code userId} (role user). */
    public String user(long userId) {
        return token(String.valueOf(userId), demoPassword);
    }

    /** The access token of user admin (role admin). */
    public String admin() {
        return token(ADMIN, adminPassword);
    }

    private String token(String username, String password) {
        return signedIn.compute(username, (name, known) -> known != null
                && known.expiresAt().isAfter(Instant.now().plus(RENEW_BEFORE)) ? known
                : login.signIn(name, password)).value();
    }
}
