package com.tradeflow.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;

class SignInExpiryTests {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private final SignInExpiry filter = new SignInExpiry(Clock.fixed(NOW, ZoneOffset.UTC), "/ops");

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSessionWhoseTokenExpiredIsEndedAndSentToSignInAgain() throws Exception {
        signedInUntil(NOW);
        MockHttpSession session = new MockHttpSession();
        MockHttpServletRequest request = request(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(session.isInvalid()).isTrue();
        assertThat(response.getRedirectedUrl()).isEqualTo("/ops");
        assertThat(chain.getRequest()).as("the page is not served").isNull();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void aSessionWithinItsTokensLifeGoesOn() throws Exception {
        signedInUntil(NOW.plusSeconds(1));
        MockHttpSession session = new MockHttpSession();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request(session), new MockHttpServletResponse(), chain);

        assertThat(session.isInvalid()).isFalse();
        assertThat(chain.getRequest()).isNotNull();
    }

    private static void signedInUntil(Instant expires) {
        DefaultOAuth2User admin = new DefaultOAuth2User(
                AuthorityUtils.createAuthorityList("ROLE_admin"),
                Map.of(AccessTokenUsers.SUBJECT, "admin", AccessTokenUsers.EXPIRES, expires),
                AccessTokenUsers.SUBJECT);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        new OAuth2AuthenticationToken(admin, admin.getAuthorities(), ConsoleSecurity.REGISTRATION));
    }

    private static MockHttpServletRequest request(MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ops/outbox");
        request.setSession(session);
        return request;
    }
}
