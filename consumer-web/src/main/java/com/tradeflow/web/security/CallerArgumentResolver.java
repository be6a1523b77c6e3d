package com.tradeflow.web.security;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.api.user.UserIds;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** A {@link Caller} parameter of a controller method: the user id in the subject of the request's verified JWT. */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        return caller(SecurityContextHolder.getContext().getAuthentication());
    }

    /** @throws BusinessException {@code FORBIDDEN}: not an end user's token (the admin's, a machine's) */
    static Caller caller(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt
                && UserIds.isUserId(jwt.getToken().getSubject())) {
            return new Caller(Long.parseLong(jwt.getToken().getSubject()));
        }
        throw new BusinessException(ErrorCode.FORBIDDEN, "this endpoint acts for an end user: use a user's token");
    }
}
