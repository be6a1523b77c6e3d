package com.tradeflow.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.web.system.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 {@code UNAUTHORIZED} and 403 {@code FORBIDDEN} as every other error of the web API ({@code {"code","message"}}),
 * with the {@code WWW-Authenticate} header of RFC 6750 that Spring Security writes (it names the token's fault).
 */
final class SecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(SecurityErrors.class);

    private final ObjectMapper json;
    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler denial = new BearerTokenAccessDeniedHandler();

    SecurityErrors(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        // the token itself is never logged, only why it was refused
        log.debug("{} {} refused: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        challenge.commence(request, response, e);
        write(
                response,
                ErrorCode.UNAUTHORIZED,
                request.getHeader("Authorization") == null
                        ? "this endpoint needs a bearer token (Authorization: Bearer <access token>)"
                        : "the bearer token is not valid here (expired, wrong issuer, audience or signature)");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        log.debug("{} {} denied: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        denial.handle(request, response, e);
        write(response, ErrorCode.FORBIDDEN, "the token does not allow this endpoint");
    }

    private void write(HttpServletResponse response, ErrorCode code, String message) throws IOException {
        response.setStatus(code.httpStatus());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), new ApiError(code.name(), message));
    }
}
