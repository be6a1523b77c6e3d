package com.tradeflow.web.ops;

import java.time.Clock;
import java.util.LinkedHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.DelegatingAccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Who may use the operations console ({@code /ops}): admins, signed in at the OpenID Connect issuer in the browser.
 * The console is a client of the issuer (authorization code with PKCE, no secret: {@code tradeflow.ops.*}); the
 * access token it gets back is verified like the API's bearer tokens and its {@code roles} claim decides
 * ({@link AccessTokenUsers}). Unlike the API, the console keeps a session (its own cookie, see application.yml) and
 * its forms carry a CSRF token. Everything else stays with the API's stateless chain ({@code WebSecurity}).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    static final String REGISTRATION = "tradeflow";
    private static final String ADMIN = "admin";
    private static final String SIGNED_OUT = "/ops/signed-out";
    private static final String DENIED = "/ops/denied";

    @Bean
    ClientRegistrationRepository consoleClient(
            @Value("${tradeflow.ops.client-id}") String clientId,
            @Value("${tradeflow.ops.authorization-uri}") String authorizationUri,
            @Value("${tradeflow.ops.token-uri}") String tokenUri) {
        // built here rather than from Boot's issuer-uri property: that reads the issuer's discovery document at
        // start, and the web API starts while the issuer may not answer yet
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
                .clientName("TradeFlow operations console")
                .clientId(clientId)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri(authorizationUri)
                .tokenUri(tokenUri)
                .userNameAttributeName(AccessTokenUsers.SUBJECT)
                .build());
    }

    @Bean
    @Order(1)
    SecurityFilterChain console(HttpSecurity http, ClientRegistrationRepository clients, JwtDecoder tokens)
            throws Exception {
        http.securityMatcher("/ops/**", "/oauth2/authorization/**", "/login/oauth2/code/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(SIGNED_OUT, DENIED, "/ops/console.css")
                        .permitAll()
                        .anyRequest()
                        .hasRole(ADMIN))
                .oauth2Login(login -> login.clientRegistrationRepository(clients)
                        .userInfoEndpoint(userInfo -> userInfo.userService(new AccessTokenUsers(tokens)))
                        .defaultSuccessUrl("/ops")
                        .failureUrl(SIGNED_OUT + "?failed"))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(
                                new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION))
                        .accessDeniedHandler(deniedOrExpired()))
                .logout(logout -> logout.logoutUrl("/ops/logout").logoutSuccessUrl(SIGNED_OUT))
                .addFilterBefore(new SignInExpiry(Clock.systemUTC(), "/ops"), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * A form posted without a valid CSRF token is most often one from a session that has expired: back to signing in,
     * not to the page for users who are no admin. Every other refusal: that page (403).
     */
    private static AccessDeniedHandler deniedOrExpired() {
        AccessDeniedHandlerImpl notAdmin = new AccessDeniedHandlerImpl();
        notAdmin.setErrorPage(DENIED);
        LinkedHashMap<Class<? extends AccessDeniedException>, AccessDeniedHandler> byCause = new LinkedHashMap<>();
        byCause.put(
                CsrfException.class,
                (request, response, refused) ->
                        response.sendRedirect(request.getContextPath() + SIGNED_OUT + "?expired"));
        return new DelegatingAccessDeniedHandler(byCause, notAdmin);
    }
}
