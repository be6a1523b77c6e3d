package com.tradeflow.platform.crypto;

/** What every shared secret of the services (bearer tokens, caller tokens) must be at least. */
public final class SharedSecrets {

    /** Shorter secrets are refused at start: they could be guessed. */
    public static final int MIN_LENGTH = 32;

    private SharedSecrets() {}

    /**
     * @param setting how the secret is set, for the message (property and variable)
     * @throws IllegalArgumentException the secret is shorter than {@link #MIN_LENGTH}
     */
    public static void requireLongEnough(String setting, String secret) {
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalArgumentException(
                    setting + " is " + secret.length() + " characters long; at least " + MIN_LENGTH + " are required");
        }
    }
}
