package com.tradeflow.web.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a console session when the access token it was signed in with expires ({@link AccessTokenUsers#EXPIRES}):
 * the next page signs in at the issuer again, where the roles are read afresh, so an admin role taken away there does
 * not outlive the token in a session kept alive by use.
 */
final class SignInExpiry extends OncePerRequestFilter {

    private final Clock clock;
    private final String signInAgain;

    SignInExpiry(Clock clock, String signInAgain) {
        this.clock = clock;
        this.signInAgain = signInAgain;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn instanceof OAuth2AuthenticationToken console
                && console.getPrincipal().getAttribute(AccessTokenUsers.EXPIRES) instanceof Instant expires
                && !clock.instant().isBefore(expires)) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + signInAgain);
            return;
        }
        chain.doFilter(request, response);
    }
}
