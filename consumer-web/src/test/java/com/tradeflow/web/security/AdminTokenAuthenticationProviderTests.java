package com.tradeflow.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradeflow.platform.crypto.SharedSecrets;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

class AdminTokenAuthenticationProviderTests {

    private static final String TOKEN = "a".repeat(SharedSecrets.MIN_LENGTH);

    @Test
    void refusesToStartWithAShortToken() {
        assertThatThrownBy(() -> new AdminTokenAuthenticationProvider("short-secret"))
                .hasMessageContaining("at least " + SharedSecrets.MIN_LENGTH);
    }

    @Test
    void theTokenIsAnAdminAndAnythingElseIsLeftToTheJwtCheck() {
        AdminTokenAuthenticationProvider provider = new AdminTokenAuthenticationProvider(TOKEN);

        Authentication admin = provider.authenticate(new BearerTokenAuthenticationToken(TOKEN));
        assertThat(admin.isAuthenticated()).isTrue();
        assertThat(admin.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_admin");
        assertThat(provider.authenticate(new BearerTokenAuthenticationToken(TOKEN.substring(1))))
                .isNull();
        assertThat(provider.authenticate(new BearerTokenAuthenticationToken(TOKEN + "a")))
                .isNull();
    }

    @Test
    void withoutAConfiguredTokenNoBearerTokenIsAnAdmin() {
        AdminTokenAuthenticationProvider provider = new AdminTokenAuthenticationProvider("");

        assertThat(provider.authenticate(new BearerTokenAuthenticationToken(TOKEN)))
                .isNull();
    }
}
