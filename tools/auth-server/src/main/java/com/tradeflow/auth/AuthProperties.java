package com.tradeflow.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tradeflow.auth.*}: who may sign in and what the tokens say.
 *
 * @param audience              the {@code aud} claim of every access token
 * @param demoPassword          the one password of demo users {@code 1..demoUsers}; blank: no demo users
 * @param demoUsers             the highest demo user id
 * @param adminPassword         the password of user {@code admin}; blank: no admin user
 * @param passwordHashStrength  bcrypt cost of the sign-in check
 * @param keptAuthorizations    how many authorizations (sign-ins) the server remembers, the oldest forgotten first
 */
@ConfigurationProperties("tradeflow.auth")
public record AuthProperties(
        String audience,
        String demoPassword,
        long demoUsers,
        String adminPassword,
        int passwordHashStrength,
        int keptAuthorizations) {

    /** A password shorter than this stops the start: a guessable one would let anyone act for any user. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    public AuthProperties {
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("tradeflow.auth.audience must be set");
        }
        requireLongEnough("tradeflow.auth.demo-password (AUTH_DEMO_PASSWORD)", demoPassword);
        requireLongEnough("tradeflow.auth.admin-password (AUTH_ADMIN_PASSWORD)", adminPassword);
        if (demoUsers < 0) {
            throw new IllegalArgumentException("tradeflow.auth.demo-users must be 0 or more, not " + demoUsers);
        }
    }

    private static void requireLongEnough(String name, String password) {
        if (password != null && !password.isEmpty() && password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException(name + " must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }
}
