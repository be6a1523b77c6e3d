package com.tradeflow.web.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class AccessTokenUsersTests {

    private static final String SIGNED = "header.payload.signature";

    @Test
    void theOperatorIsTheVerifiedTokensSubjectWithItsRoles() {
        OAuth2User admin = new AccessTokenUsers(decoding(List.of("admin", "user"))).loadUser(request(SIGNED));

        assertThat(admin.getName()).isEqualTo("admin");
        assertThat(admin.<Instant>getAttribute(AccessTokenUsers.EXPIRES))
                .as("the session ends with the token")
                .isAfter(Instant.now());
        assertThat(admin.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_admin", "ROLE_user");
    }

    @Test
    void aTokenWithoutRolesGivesNone() {
        OAuth2User nobody = new AccessTokenUsers(decoding(null)).loadUser(request(SIGNED));

        assertThat(nobody.getAuthorities()).isEmpty();
    }

    @Test
    void aTokenThatDoesNotVerifyIsNoSignIn() {
        JwtDecoder refusing = token -> {
            throw new BadJwtException("signature does not match");
        };

        assertThatThrownBy(() -> new AccessTokenUsers(refusing).loadUser(request("forged.token.here")))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .satisfies(e -> {
                    assertThat(((OAuth2AuthenticationException) e).getError().getErrorCode())
                            .isEqualTo("invalid_token");
                    assertThat(((OAuth2AuthenticationException) e).getError().getDescription())
                            .contains("did not verify");
                });
    }

    /** Stands in for the API's verifier: accepts {@link #SIGNED} only, as subject admin with {@code roles}. */
    private static JwtDecoder decoding(List<String> roles) {
        return token -> {
            if (!SIGNED.equals(token)) {
                throw new BadJwtException("not signed by the issuer");
            }
            Jwt.Builder jwt = Jwt.withTokenValue(token)
                    .header("alg", "RS256")
                    .subject("admin")
                    .issuedAt(Instant.now())
                    .expiresAt(Instant.now().plusSeconds(60));
            if (roles != null) {
                jwt.claim("roles", roles);
            }
            return jwt.build();
        };
    }

    private static OAuth2UserRequest request(String accessToken) {
        ClientRegistration console = ClientRegistration.withRegistrationId(ConsoleSecurity.REGISTRATION)
                .clientId("tradeflow-console")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri("http://127.0.0.1:8093/oauth2/authorize")
                .tokenUri("http://127.0.0.1:8093/oauth2/token")
                .userNameAttributeName(AccessTokenUsers.SUBJECT)
                .build();
        return new OAuth2UserRequest(
                console,
                new OAuth2AccessToken(
                        OAuth2AccessToken.TokenType.BEARER,
                        accessToken,
                        Instant.now(),
                        Instant.now().plusSeconds(60)));
    }
}
