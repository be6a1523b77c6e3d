package com.tradeflow.web.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.platform.crypto.SharedSecrets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Every {@code /api/admin/**} request, and {@code POST /api/flash-sales}, must carry
 * {@code Authorization: Bearer <tradeflow.admin.token>}; otherwise 401 {@code UNAUTHORIZED}. Without a configured
 * token every admin request is refused; one shorter than 32 characters stops the start. The token is compared in
 * constant time and never logged.
 */
@Component
class AdminTokenFilter extends OncePerRequestFilter {

    static final String ADMIN_PATHS = "/api/admin/";
    /** Opening a flash sale is an operator's act too (its other endpoints are the public's). */
    static final String OPEN_FLASH_SALE = "/api/flash-sales";
    private static final String BEARER = "Bearer ";
    private static final Logger log = LoggerFactory.getLogger(AdminTokenFilter.class);
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final byte[] token;
    private final ObjectMapper json;

    /**
     * @throws IllegalArgumentException a token shorter than {@link SharedSecrets#MIN_LENGTH}: the service does not
     *                                  start with a guessable one
     */
    AdminTokenFilter(@Value("${tradeflow.admin.token:}") String token, ObjectMapper json) {
        if (token.isBlank()) {
            log.warn("tradeflow.admin.token (TRADEFLOW_ADMIN_TOKEN) is not set: every admin endpoint answers 401");
        } else {
            SharedSecrets.requireLongEnough("tradeflow.admin.token (TRADEFLOW_ADMIN_TOKEN; unset, every admin "
                    + "endpoint answers 401)", token);
        }
        this.token = token.isBlank() ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = pathAsMatched(request);
        boolean openingFlashSale = "POST".equals(request.getMethod()) && OPEN_FLASH_SALE.equals(path);
        return !path.startsWith(ADMIN_PATHS) && !openingFlashSale;
    }

    /**
     * The path as Spring MVC matches it to a controller: decoded, without {@code ;parameters}, slashes collapsed.
     * The raw request URI is not: {@code /api/admin;x=1/outbox} or {@code /api/flash-sales;x} reach admin endpoints
     * while not starting with (or equal to) the protected paths.
     */
    private static String pathAsMatched(HttpServletRequest request) {
        return PATHS.getPathWithinApplication(request).replaceAll("/{2,}", "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (authorised(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("admin request {} {} from {} refused: missing or wrong bearer token", request.getMethod(),
                request.getRequestURI(), request.getRemoteAddr());
        response.setStatus(ErrorCode.UNAUTHORIZED.httpStatus());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), new ApiError(ErrorCode.UNAUTHORIZED.name(),
                "this endpoint needs the admin bearer token"));
    }

    private boolean authorised(String header) {
        if (token.length == 0 || header == null || !header.startsWith(BEARER)) {
            return false;
        }
        return MessageDigest.isEqual(token, header.substring(BEARER.length()).getBytes(StandardCharsets.UTF_8));
    }
}
