package com.tradeflow.web.ops;

import com.tradeflow.api.error.BusinessException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A console page that fails shows a console page saying why, not the API's JSON error: a refusal (an unknown status
 * or group in the address) with its code and message, anything else (a database away) as a failure to retry, logged
 * here with its cause. Ahead of the API's handler, for the console's controllers only.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);
    private static final String PAGE = "ops/error";

    @ExceptionHandler(BusinessException.class)
    String refused(BusinessException refused, Model model, HttpServletResponse response) {
        response.setStatus(refused.code().httpStatus());
        model.addAttribute("problem", refused.code() + ": " + refused.getMessage());
        return PAGE;
    }

    @ExceptionHandler(RuntimeException.class)
    String failed(RuntimeException failure, Model model, HttpServletResponse response) {
        log.error("console page failed", failure);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        model.addAttribute(
                "problem",
                "the page could not be made (" + failure.getClass().getSimpleName()
                        + "); it may work again in a moment, and the web API's log says why");
        return PAGE;
    }
}
