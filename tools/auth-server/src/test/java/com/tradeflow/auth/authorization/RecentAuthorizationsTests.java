package com.tradeflow.auth.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class RecentAuthorizationsTests {

    private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);
    private static final RegisteredClient CLIENT = RegisteredClient.withId("client")
            .clientId("tradeflow-cli")
            .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("http://127.0.0.1/callback")
            .build();

    @Test
    void forgetsTheOldestBeyondItsCapacity() {
        RecentAuthorizations authorizations = new RecentAuthorizations(2);
        authorizations.save(inProgress(1));
        authorizations.save(inProgress(2));
        authorizations.save(inProgress(1));
        authorizations.save(inProgress(3));

        assertThat(authorizations.findById("2")).as("the oldest save").isNull();
        assertThat(authorizations.findById("1")).isNotNull();
        assertThat(authorizations.findByToken("state-3", STATE)).isNotNull();
        assertThat(authorizations.size()).isEqualTo(2);
    }

    @Test
    void takesConcurrentSignInsWithoutLosingOne() throws Exception {
        RecentAuthorizations authorizations = new RecentAuthorizations(100_000);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> found = new ArrayList<>();
            for (int i = 0; i < 4000; i++) {
                int n = i;
                // as a sign-in does: its authorization saved, found by its state, then replaced (here: removed)
                found.add(threads.submit(() -> {
                    authorizations.save(inProgress(n));
                    boolean foundIt = authorizations.findByToken("state-" + n, STATE) != null;
                    authorizations.remove(inProgress(n));
                    return foundIt;
                }));
            }
            for (Future<Boolean> each : found) {
                assertThat(each.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(authorizations.size()).isZero();
    }

    private static OAuth2Authorization inProgress(int n) {
        return OAuth2Authorization.withRegisteredClient(CLIENT)
                .id(String.valueOf(n))
                .principalName(String.valueOf(n))
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .attribute(OAuth2ParameterNames.STATE, "state-" + n)
                .build();
    }
}
