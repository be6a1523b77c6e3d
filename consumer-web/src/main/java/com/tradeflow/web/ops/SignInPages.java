package com.tradeflow.web.ops;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's pages around signing in: signed out (or signing in failed), and turned away (no admin role). */
@Controller
class SignInPages {

    /**
     * {@code GET /ops/signed-out}: after signing out, when signing in failed, or when a form came from an expired
     * session; a link to sign in again.
     */
    @RequestMapping("/ops/signed-out")
    String signedOut(
            @RequestParam(required = false) String failed,
            @RequestParam(required = false) String expired,
            Model model) {
        model.addAttribute("failed", failed != null);
        model.addAttribute("expired", expired != null);
        return "ops/signed-out";
    }

    /** Where a signed-in user without the admin role lands (status 403, set by Spring Security). */
    @RequestMapping("/ops/denied")
    String denied() {
        return "ops/denied";
    }
}
