package com.tradeflow.web.ops;

import com.tradeflow.api.error.BusinessException;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A console form's action: runs it, tells the operator how it went on the page it redirects back to (post, redirect,
 * get: a reload does not repeat it). A refusal shows its error code and message, as the API answers it.
 */
final class ConsoleAction {

    static final String DONE = "done";
    static final String REFUSED = "refused";

    private ConsoleAction() {}

    static String run(RedirectAttributes flash, String back, Supplier<String> action) {
        try {
            flash.addFlashAttribute(DONE, action.get());
        } catch (BusinessException refused) {
            flash.addFlashAttribute(REFUSED, refused.code() + ": " + refused.getMessage());
        }
        return "redirect:" + back;
    }
}
