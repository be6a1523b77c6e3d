package com.tradeflow.web.security;

import com.tradeflow.platform.crypto.SharedSecrets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * The static admin token ({@code tradeflow.admin.token}), for machines (scripts, the e2e suite): a bearer token equal
 * to it, compared in constant time, is an admin. Anything else is left to the JWT check. Without a configured token
 * no bearer token is an admin by this way; one shorter than {@link SharedSecrets#MIN_LENGTH} stops the start.
 */
final class AdminTokenAuthenticationProvider implements AuthenticationProvider {

    static final String ADMIN_ROLE = "ROLE_admin";
    private static final Logger log = LoggerFactory.getLogger(AdminTokenAuthenticationProvider.class);

    private final byte[] token;

    AdminTokenAuthenticationProvider(String token) {
        if (token == null || token.isBlank()) {
            log.warn(
                    "tradeflow.admin.token (TRADEFLOW_ADMIN_TOKEN) is not set: admin endpoints take admins' JWTs only");
            this.token = new byte[0];
        } else {
            SharedSecrets.requireLongEnough(
                    "tradeflow.admin.token (TRADEFLOW_ADMIN_TOKEN; unset, admin endpoints " + "take admins' JWTs only)",
                    token);
            this.token = token.getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String presented = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (token.length == 0 || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return new AdminToken();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** An admin by the static token: no user, no credentials kept. */
    static final class AdminToken extends AbstractAuthenticationToken {
        AdminToken() {
            super(AuthorityUtils.createAuthorityList(ADMIN_ROLE));
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return "admin-token";
        }
    }
}
