package com.tradeflow.web.ops;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The console's user is the access token the issuer handed over at sign-in, verified exactly as the API verifies a
 * bearer token (signature, issuer, audience, expiry: {@code WebSecurity#jwtDecoder}): its subject is the operator's
 * name (in the audit trail), its {@code roles} claim the roles. No user-info call: the token says it all.
 */
final class AccessTokenUsers implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {

    static final String SUBJECT = "sub";
    /** When the token the operator signed in with expires: the console session ends then ({@link SignInExpiry}). */
    static final String EXPIRES = "exp";

    private static final String ROLES = "roles";

    private final JwtDecoder tokens;

    AccessTokenUsers(JwtDecoder tokens) {
        this.tokens = tokens;
    }

    @Override
    public OAuth2User loadUser(OAuth2UserRequest request) {
        Jwt token;
        try {
            token = tokens.decode(request.getAccessToken().getTokenValue());
        } catch (JwtException e) {
            throw new OAuth2AuthenticationException(
                    new OAuth2Error(
                            "invalid_token", "the issuer's access token did not verify: " + e.getMessage(), null),
                    e);
        }
        List<String> roles = token.getClaimAsStringList(ROLES);
        List<GrantedAuthority> authorities = roles == null
                ? List.of()
                : roles.stream()
                        .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                        .toList();
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(SUBJECT, token.getSubject());
        if (token.getExpiresAt() != null) {
            attributes.put(EXPIRES, token.getExpiresAt());
        }
        return new DefaultOAuth2User(authorities, attributes, SUBJECT);
    }
}
