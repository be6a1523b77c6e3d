package com.tradeflow.web.system;

import com.alibaba.csp.sentinel.adapter.spring.webmvc_v6x.SentinelWebInterceptor;
import com.alibaba.csp.sentinel.adapter.spring.webmvc_v6x.config.SentinelWebMvcConfig;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.platform.sentinel.SentinelRefusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every web endpoint of the API is a Sentinel resource named {@code METHOD:/path-pattern} (placing an order is
 * {@code POST:/api/orders}, reading one {@code GET:/api/orders/{orderId}}), so operators set flow, degrade, system
 * and authority rules per endpoint. A refused request answers {@code {"code","message"}}: 429
 * {@code RATE_LIMITED} with {@code Retry-After} (flow, hot-parameter and system rules), 503
 * {@code DEPENDENCY_UNAVAILABLE} (a degrade rule on the endpoint), 403 {@code ACCESS_DENIED} (authority).
 * {@code tradeflow.sentinel.web-enabled=false} leaves the endpoints unguarded (the overhead benchmark's baseline).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tradeflow.sentinel.web-enabled", havingValue = "true", matchIfMissing = true)
class SentinelWebConfiguration implements WebMvcConfigurer {

    /** Seconds a client should wait after a 429: Sentinel's flow statistics move in one-second windows. */
    static final String RETRY_AFTER_SECONDS = "1";

    private static final Logger log = LoggerFactory.getLogger(SentinelWebConfiguration.class);

    private final ObjectMapper json;

    SentinelWebConfiguration(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        SentinelWebMvcConfig config = new SentinelWebMvcConfig().setWebContextUnify(true);
        config.setBlockExceptionHandler(this::refuse);
        registry.addInterceptor(new MethodAndPattern(config)).addPathPatterns("/api/**");
    }

    /**
     * Names a request's resource {@code METHOD:/path-pattern}: the v6x adapter names it by the pattern alone (its
     * http-method option is not applied there), which would put reads and writes of a path under one rule.
     */
    private static final class MethodAndPattern extends SentinelWebInterceptor {

        MethodAndPattern(SentinelWebMvcConfig config) {
            super(config);
        }

        @Override
        protected String getResourceName(HttpServletRequest request) {
            String pattern = super.getResourceName(request);
            return pattern == null || pattern.isEmpty() ? pattern : request.getMethod() + ":" + pattern;
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String resource, BlockException e)
            throws IOException {
        BusinessException refusal = SentinelRefusals.refusal(e, resource);
        log.debug("{} refused by Sentinel ({})", resource, e.getClass().getSimpleName());
        response.setStatus(refusal.code().httpStatus());
        if (refusal.code() == ErrorCode.RATE_LIMITED) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), new ApiError(refusal.code().name(), refusal.getMessage()));
    }
}
