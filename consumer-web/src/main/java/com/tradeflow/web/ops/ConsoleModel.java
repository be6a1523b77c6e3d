package com.tradeflow.web.ops;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.security.Principal;

/** What every console page shows: who is signed in (the navigation bar). */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    @ModelAttribute("operator")
    String operator(Principal operator) {
        return operator == null ? null : operator.getName();
    }
}
