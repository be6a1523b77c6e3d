package com.tradeflow.e2e;

import com.tradeflow.auth.client.DemoLogin;
import com.tradeflow.auth.client.SignedInTokens;
import com.tradeflow.devstack.DevStackOptions;
import java.net.URI;

/**
 * Real access tokens from the stack's auth-server, signed in to as a browser would (authorization code + PKCE), one
 * per user, kept until shortly before they expire.
 */
public final class Tokens {

    private static final String ADMIN = "admin";

    private final SignedInTokens signedIn;
    private final String demoPassword;
    private final String adminPassword;

    Tokens(DevStackOptions.Identity identity) {
        this.signedIn = new SignedInTokens(new DemoLogin(URI.create(identity.effectiveIssuerUri())));
        this.demoPassword = identity.demoPassword();
        this.adminPassword = identity.adminPassword();
    }

    /** The access token of demo user {@code userId} (role user). */
    public String user(long userId) {
        return signedIn.of(String.valueOf(userId), demoPassword);
    }

    /** The access token of user admin (role admin). */
    public String admin() {
        return signedIn.of(ADMIN, adminPassword);
    }
}
