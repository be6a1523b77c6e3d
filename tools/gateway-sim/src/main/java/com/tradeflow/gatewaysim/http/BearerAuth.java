package com.tradeflow.gatewaysim.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Checks {@code Authorization: Bearer <token>} against one expected token. The comparison takes the same time
 * whatever the token, so the simulator does not teach clients a habit a real gateway would punish; the token
 * never appears in a message or a log.
 */
public final class BearerAuth {

    private static final String SCHEME = "bearer ";

    private final byte[] expected;
    private final String what;

    /** @param what names the credential in error messages ("api key", "admin token"), never its value */
    public BearerAuth(String token, String what) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        this.expected = token.getBytes(StandardCharsets.UTF_8);
        this.what = what;
    }

    public void check(Request request) throws ApiException {
        String header = request.header("Authorization");
        if (header == null
                || header.length() <= SCHEME.length()
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw unauthorized("missing Authorization: Bearer <" + what + ">");
        }
        byte[] given = header.substring(SCHEME.length()).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            throw unauthorized("invalid " + what);
        }
    }

    private static ApiException unauthorized(String message) {
        return new ApiException(401, "UNAUTHORIZED", message);
    }

    /** Wraps a handler so it runs only for callers with the token. */
    public Route.Handler protect(Route.Handler handler) {
        return request -> {
            check(request);
            return handler.handle(request);
        };
    }
}
