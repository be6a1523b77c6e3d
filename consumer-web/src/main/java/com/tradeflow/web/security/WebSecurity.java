package com.tradeflow.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call what. Every request but the public ones carries {@code Authorization: Bearer <token>}: an access token
 * (JWT, RS256) of the OpenID Connect issuer at {@code OIDC_ISSUER_URI}, checked for signature (the issuer's JWKS),
 * issuer, audience ({@code OIDC_AUDIENCE}), expiry and not-before; or, on admin endpoints, the static admin token.
 * A token's {@code roles} claim gives its roles: {@code user} for the end-user endpoints (which act for the token's
 * subject, see {@link Caller}), {@code admin} for {@code /api/admin/**}, opening a flash sale and reading a payment.
 *
 * <p>Public: reading products and flash sales, the gateway's payment notifications (signed by the gateway, checked by
 * their controller), errors, and the actuator, which listens on the management port only (MANAGEMENT_PORT, on
 * loopback unless MANAGEMENT_ADDRESS says otherwise).
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    private static final String USER = "user";
    private static final String ADMIN = "admin";
    private static final String ROLES_CLAIM = "roles";

    /**
     * The issuer's tokens for this API: RS256 only (no {@code alg: none}, no HMAC with a guessable secret), keys from
     * the issuer's JWKS (fetched at the first token, again for an unknown key id), then {@link #tokenChecks}; verified
     * tokens are remembered for a while ({@link VerifiedTokens}). The
     * issuer's discovery document is read at the first request, so the web API starts while the issuer does not
     * answer yet.
     */
    @Bean
    JwtDecoder jwtDecoder(
            @Value("${tradeflow.security.issuer-uri:}") String issuer,
            @Value("${tradeflow.security.audience:}") String audience,
            @Value("${tradeflow.security.verified-tokens.capacity}") int rememberedTokens,
            @Value("${tradeflow.security.verified-tokens.keep}") Duration rememberedFor) {
        if (issuer.isBlank() || audience.isBlank()) {
            throw new IllegalStateException("tradeflow.security.issuer-uri (OIDC_ISSUER_URI) and .audience "
                    + "(OIDC_AUDIENCE) must be set: the web API cannot check end users' tokens without them. The local "
                    + "stack sets them to its own issuer (auth-server); in production, your OpenID Connect issuer");
        }
        OAuth2TokenValidator<Jwt> checks = tokenChecks(issuer, audience);
        JwtDecoder verifier = new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer)
                    .jwsAlgorithm(SignatureAlgorithm.RS256)
                    .build();
            decoder.setJwtValidator(checks);
            return decoder;
        });
        return new VerifiedTokens(verifier, checks, rememberedTokens, rememberedFor);
    }

    /** Expiry and not-before (60 s clock skew), the issuer ({@code iss}) and that the token is meant for this API. */
    static OAuth2TokenValidator<Jwt> tokenChecks(String issuer, String audience) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, audiences -> audiences != null && audiences.contains(audience)));
    }

    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            JwtDecoder jwtDecoder,
            @Value("${tradeflow.admin.token:}") String adminToken,
            ObjectMapper json)
            throws Exception {
        SecurityErrors errors = new SecurityErrors(json);
        AuthenticationManager bearerTokens =
                new ProviderManager(new AdminTokenAuthenticationProvider(adminToken), jwtProvider(jwtDecoder));
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/**", "/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/payments/callback")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/products/*")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/flash-sales/tickets/*")
                        .hasRole(USER)
                        .requestMatchers(HttpMethod.GET, "/api/flash-sales/*")
                        .permitAll()
                        .requestMatchers("/api/admin/**")
                        .hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/flash-sales")
                        .hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/payments/*")
                        .hasRole(ADMIN)
                        .anyRequest()
                        .hasRole(USER))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.authenticationManager(bearerTokens))
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(errors).accessDeniedHandler(errors));
        return http.build();
    }

    private static JwtAuthenticationProvider jwtProvider(JwtDecoder decoder) {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(ROLES_CLAIM);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(roles);
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(authentication);
        return provider;
    }

    /**
     * No observations (metrics, spans) of Spring Security's own filters and decisions: it timed each of its dozen
     * filters per request, about 5 % of the web API's CPU under load. The request as a whole is still observed
     * ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Controllers take the caller as a {@link Caller} parameter. */
    @Bean
    WebMvcConfigurer callerParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
