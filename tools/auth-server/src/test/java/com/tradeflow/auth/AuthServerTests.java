package com.tradeflow.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradeflow.auth.client.DemoLogin;
import com.tradeflow.auth.client.SignedInTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The real server on a real port, signed in to by {@link DemoLogin} as a script would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class AuthServerTests {

    private static final int PORT = freePort();
    private static final String ISSUER = "http://127.0.0.1:" + PORT;
    private static final String DEMO_PASSWORD = "demo-password-for-tests";
    private static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private final DemoLogin login = new DemoLogin(URI.create(ISSUER));
    private final NimbusJwtDecoder verifier =
            NimbusJwtDecoder.withJwkSetUri(ISSUER + "/oauth2/jwks").build();

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry properties) {
        properties.add("server.port", () -> PORT);
        properties.add("spring.security.oauth2.authorizationserver.issuer", () -> ISSUER);
        properties.add("tradeflow.auth.demo-password", () -> DEMO_PASSWORD);
        properties.add("tradeflow.auth.admin-password", () -> ADMIN_PASSWORD);
        properties.add("tradeflow.auth.demo-users", () -> 1000);
    }

    @Test
    void aDemoUserGetsASignedAccessTokenForTheWebApiWithItsIdAsSubject() {
        DemoLogin.Token token = login.signIn("7", DEMO_PASSWORD);

        Jwt jwt = verifier.decode(token.value());
        assertThat(jwt.getSubject()).isEqualTo("7");
        assertThat(jwt.getAudience()).containsExactly("tradeflow-api");
        assertThat(jwt.getIssuer().toString()).isEqualTo(ISSUER);
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("user");
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
        assertThat(jwt.getExpiresAt()).isAfter(Instant.now().plusSeconds(30 * 60));
        assertThat(token.expiresAt()).isAfter(Instant.now());
    }

    @Test
    void theAdminGetsTheAdminRole() {
        Jwt jwt = verifier.decode(login.signIn("admin", ADMIN_PASSWORD).value());

        assertThat(jwt.getSubject()).isEqualTo("admin");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("admin");
    }

    @Test
    void wrongPasswordsAndUnknownUsersAreRefused() {
        assertThatThrownBy(() -> login.signIn("7", "not-the-password")).isInstanceOf(DemoLogin.SignInRefused.class);
        assertThatThrownBy(() -> login.signIn("admin", DEMO_PASSWORD)).isInstanceOf(DemoLogin.SignInRefused.class);
        // one spelling per user id: no leading zero, nothing beyond the demo users, no zero
        assertThatThrownBy(() -> login.signIn("07", DEMO_PASSWORD)).isInstanceOf(DemoLogin.SignInRefused.class);
        assertThatThrownBy(() -> login.signIn("1001", DEMO_PASSWORD)).isInstanceOf(DemoLogin.SignInRefused.class);
        assertThatThrownBy(() -> login.signIn("0", DEMO_PASSWORD)).isInstanceOf(DemoLogin.SignInRefused.class);
    }

    @Test
    void signsInManyUsersAtOnce() throws Exception {
        ExecutorService browsers = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> subjects = new ArrayList<>();
            for (int user = 100; user < 180; user++) {
                String name = String.valueOf(user);
                subjects.add(browsers.submit(
                        () -> verifier.decode(login.signIn(name, DEMO_PASSWORD).value())
                                .getSubject()));
            }
            for (int i = 0; i < subjects.size(); i++) {
                assertThat(subjects.get(i).get()).isEqualTo(String.valueOf(100 + i));
            }
        } finally {
            browsers.shutdownNow();
        }
    }

    @Test
    void keepsAUsersTokenInsteadOfSigningInAgain() {
        SignedInTokens tokens = new SignedInTokens(login);

        String first = tokens.of("11", DEMO_PASSWORD);

        assertThat(tokens.of("11", DEMO_PASSWORD))
                .as("the same token, no second sign-in")
                .isEqualTo(first);
        assertThat(verifier.decode(tokens.of("12", DEMO_PASSWORD)).getSubject()).isEqualTo("12");
    }

    @Test
    void twoSignInsAreTwoSessions() {
        Jwt first = verifier.decode(login.signIn("8", DEMO_PASSWORD).value());
        Jwt second = verifier.decode(login.signIn("9", DEMO_PASSWORD).value());

        assertThat(first.getSubject()).isEqualTo("8");
        assertThat(second.getSubject()).isEqualTo("9");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
