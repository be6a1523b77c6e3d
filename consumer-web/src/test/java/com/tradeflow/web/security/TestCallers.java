package com.tradeflow.web.security;

import java.time.Instant;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;

/** The caller of a controller method as the security chain leaves it, for controller tests of other packages. */
public final class TestCallers {

    private TestCallers() {}

    /** Resolves {@link Caller} parameters, as the web API does. */
    public static HandlerMethodArgumentResolver resolver() {
        return new CallerArgumentResolver();
    }

    /** The current thread's request comes with a verified token of this user (subject {@code userId}). */
    public static void signedInAs(long userId) {
        SecurityContextHolder.getContext().setAuthentication(token(String.valueOf(userId)));
    }

    /** A verified token with this subject, as the security chain leaves it. */
    static JwtAuthenticationToken token(String subject) {
        return new JwtAuthenticationToken(Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject(subject)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .build());
    }

    public static void signedOut() {
        SecurityContextHolder.clearContext();
    }
}
