package com.tradeflow.auth.token;

import com.tradeflow.auth.AuthProperties;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * What an access token says besides the subject: that it is meant for the web API ({@code aud}, instead of the
 * client's id) and the user's roles ({@code roles}, e.g. {@code ["user"]}), which the web API maps to its authorities.
 */
@Component
class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLES = "roles";
    private static final String ROLE_PREFIX = "ROLE_";

    private final String audience;

    AccessTokenClaims(AuthProperties properties) {
        this.audience = properties.audience();
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        List<String> roles = context.getPrincipal().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .toList();
        context.getClaims().audience(List.of(audience)).claim(ROLES, roles);
    }
}
