package com.tradeflow.auth.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs a user in at the local stack's issuer the way a browser would, and returns the access token: the
 * authorization code flow with PKCE of the public client {@value #CLIENT_ID} (authorize, the sign-in form with its
 * CSRF token, the redirect with the code, the token request with the verifier). For scripts and tools: devstack's
 * {@code token} command, the bench, the e2e suite. Nothing here is a back door: it only does what a user's browser
 * does, against the real server.
 *
 * <p>Thread-safe: each {@link #signIn} has its own session.
 */
public final class DemoLogin {

    public static final String CLIENT_ID = "tradeflow-cli";
    /** Registered for {@value #CLIENT_ID}; nothing listens there: the code is read from the redirect. */
    public static final String REDIRECT_URI = "http://127.0.0.1/callback";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String SESSION_COOKIE = "JSESSIONID";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile(SESSION_COOKIE + "=([^;]+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI issuer;
    private final HttpClient http;
    private volatile Endpoints endpoints;

    /** An access token and when it expires. */
    public record Token(String value, Instant expiresAt) {}

    /** The issuer refused the user name and password. */
    public static final class SignInRefused extends RuntimeException {
        SignInRefused(String username) {
            super("the issuer refused the sign-in of '" + username + "' (wrong user name or password)");
        }
    }

    private record Endpoints(URI authorize, URI token) {}

    /** @param issuer the issuer's base URL, e.g. {@code http://127.0.0.1:8093} */
    public DemoLogin(URI issuer) {
        this.issuer = issuer;
        this.http = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * @throws SignInRefused         wrong user name or password
     * @throws IllegalStateException the issuer answered something a Spring Authorization Server does not, or is down
     */
    public Token signIn(String username, String password) {
        Endpoints at = endpoints();
        String verifier = randomUrlSafe(32);
        String state = randomUrlSafe(16);
        URI authorize = URI.create(at.authorize() + "?"
                + form(Map.of(
                        "response_type",
                        "code",
                        "client_id",
                        CLIENT_ID,
                        "scope",
                        "openid",
                        "redirect_uri",
                        REDIRECT_URI,
                        "state",
                        state,
                        "code_challenge",
                        challenge(verifier),
                        "code_challenge_method",
                        "S256")));
        Session session = new Session();
        URI signInPage = session.redirect(get(authorize, session), "the authorize request");
        String csrf = csrfToken(get(signInPage, session).body());
        HttpResponse<String> signedIn = session.send(HttpRequest.newBuilder(signInPage)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        form(Map.of("username", username, "password", password, "_csrf", csrf))))
                .build());
        URI afterSignIn = session.redirect(signedIn, "the sign-in");
        if (afterSignIn.getQuery() != null && afterSignIn.getQuery().contains("error")) {
            throw new SignInRefused(username);
        }
        URI callback = session.redirect(get(afterSignIn, session), "the authorize request after the sign-in");
        Map<String, String> answer = query(callback);
        if (!state.equals(answer.get("state")) || answer.get("code") == null) {
            throw new IllegalStateException("the issuer redirected without a code for this request: " + callback);
        }
        return exchange(at.token(), answer.get("code"), verifier);
    }

    private Token exchange(URI tokenEndpoint, String code, String verifier) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(tokenEndpoint)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code,
                        "redirect_uri",
                        REDIRECT_URI,
                        "client_id",
                        CLIENT_ID,
                        "code_verifier",
                        verifier))))
                .build());
        JsonNode body = json(response);
        if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
            throw new IllegalStateException(
                    "the token request answered " + response.statusCode() + ": " + response.body());
        }
        return new Token(
                body.get("access_token").asText(),
                Instant.now().plusSeconds(body.path("expires_in").asLong(0)));
    }

    private Endpoints endpoints() {
        Endpoints known = endpoints;
        if (known == null) {
            URI discovery = URI.create(issuer.toString().replaceAll("/+$", "") + "/.well-known/openid-configuration");
            HttpResponse<String> response = send(
                    HttpRequest.newBuilder(discovery).timeout(TIMEOUT).GET().build());
            JsonNode body = json(response);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(discovery + " answered " + response.statusCode());
            }
            known = new Endpoints(
                    URI.create(body.path("authorization_endpoint").asText()),
                    URI.create(body.path("token_endpoint").asText()));
            endpoints = known;
        }
        return known;
    }

    private HttpResponse<String> get(URI uri, Session session) {
        return session.send(HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Accept", "text/html")
                .GET()
                .build());
    }

    /** One browser session: the session cookie, renewed by the server at sign-in. */
    private final class Session {
        private String cookie;

        HttpResponse<String> send(HttpRequest request) {
            HttpRequest withCookie = cookie == null
                    ? request
                    : HttpRequest.newBuilder(request, (name, value) -> true)
                            .header("Cookie", SESSION_COOKIE + "=" + cookie)
                            .build();
            HttpResponse<String> response = DemoLogin.this.send(withCookie);
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                Matcher matcher = COOKIE.matcher(setCookie);
                if (setCookie.startsWith(SESSION_COOKIE + "=") && matcher.find()) {
                    cookie = matcher.group(1);
                }
            }
            return response;
        }

        URI redirect(HttpResponse<String> response, String step) {
            Optional<String> location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                throw new IllegalStateException(step + " answered " + response.statusCode() + " instead of a redirect");
            }
            return response.uri().resolve(location.get());
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signing in", e);
        }
    }

    private static String csrfToken(String page) {
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("the sign-in page has no CSRF token");
        }
        return matcher.group(1);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(
                    response.uri() + " answered " + response.statusCode() + " with no JSON body", e);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(
                            pair.substring(0, equals),
                            java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
