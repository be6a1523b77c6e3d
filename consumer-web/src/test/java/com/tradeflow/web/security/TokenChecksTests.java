package com.tradeflow.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The claim checks {@link WebSecurity} puts on every token, on tokens signed here with a key the decoder trusts. (Which
 * signatures are accepted, RS256 with the issuer's keys only, depends on the decoder built from the issuer: SecurityIT
 * sends unsigned, HMAC-signed and foreign-key tokens to the real stack.)
 */
class TokenChecksTests {

    private static final String ISSUER = "http://issuer.test";
    private static final String AUDIENCE = "tradeflow-api";
    private static final KeyPair KEYS = rsaKeys();

    private final NimbusJwtDecoder decoder = decoder();

    @Test
    void aTokenOfTheIssuerForThisApiPasses() {
        Jwt jwt = decoder.decode(signed(claims().build()));

        assertThat(jwt.getSubject()).isEqualTo("7");
    }

    @Test
    void anotherIssuerIsRefused() {
        assertRefused(signed(claims().issuer("http://elsewhere.test").build()));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertRefused(signed(claims().audience("another-api").build()));
        assertRefused(signed(claims().audience(List.of()).build()));
    }

    @Test
    void expiredAndNotYetValidTokensAreRefused() {
        // beyond the 60 s of clock skew allowed
        assertRefused(signed(claims().expirationTime(Date.from(Instant.now().minusSeconds(120)))
                .build()));
        assertRefused(signed(claims().notBeforeTime(Date.from(Instant.now().plusSeconds(120)))
                .build()));
    }

    private void assertRefused(String token) {
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .subject("7")
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("roles", List.of("user"));
    }

    private static String signed(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(KEYS.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NimbusJwtDecoder decoder() {
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
        decoder.setJwtValidator(WebSecurity.tokenChecks(ISSUER, AUDIENCE));
        return decoder;
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
