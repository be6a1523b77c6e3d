package com.tradeflow.api.user;

import java.util.regex.Pattern;

/**
 * How a user id is spelled wherever it crosses a boundary as text: the issuer's account names and token subjects
 * (auth-server), the caller the web API reads from a token (consumer-web), devstack's {@code token --user}. A
 * positive decimal number of at most 18 digits (it fits a {@code long}), no sign, no leading zero: one spelling per
 * user, so that "007" and "7" cannot sign in as two accounts of one wallet.
 */
public final class UserIds {

    private static final Pattern SPELLING = Pattern.compile("[1-9][0-9]{0,17}");

    private UserIds() {}

    /** Whether {@code text} is a user id, spelled as above. */
    public static boolean isUserId(String text) {
        return text != null && SPELLING.matcher(text).matches();
    }
}
