package com.tradeflow.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers the access tokens it verified, for a while. A client sends the same token with every request for up to an
 * hour; verifying its RS256 signature and converting its claims anew each time cost about 40 µs of CPU per request
 * (bench/README.md). A remembered token skips the signature, not the checks: expiry, not-before, issuer and audience
 * are checked again at every use (cheap). The key is the whole token, so a token that differs in any character is
 * verified in full.
 *
 * <p>The price: a token signed with a key the issuer has since withdrawn from its JWKS stays accepted until it leaves
 * the cache ({@code tradeflow.security.verified-tokens.keep}, minutes) or expires, whichever comes first.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> checks;
    private final Cache<String, Jwt> verified;

    /**
     * @param verifier verifies a token in full (signature and {@code checks})
     * @param checks   what is checked again when a remembered token is used
     * @param capacity how many tokens are remembered at most (the least recently used go first)
     * @param keep     how long a token is remembered after its verification
     */
    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> checks, int capacity, Duration keep) {
        this.verifier = verifier;
        this.checks = checks;
        this.verified = Caffeine.newBuilder()
                .maximumSize(capacity)
                .expireAfterWrite(keep)
                .build();
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            Jwt jwt = verifier.decode(token);
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = checks.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException(
                    "the token is no longer valid: "
                            + result.getErrors().iterator().next().getDescription(),
                    result.getErrors());
        }
        return known;
    }
}
