package com.tradeflow.web.ops;

import com.tradeflow.web.outbox.OutboxOperations;
import com.tradeflow.web.outbox.OutboxStatus;
import java.security.Principal;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /ops/outbox}: the outbox rows not sent, by status; a DEAD row can be re-queued (the same action, and audit,
 * as {@code POST /api/admin/outbox/{eventId}/requeue}).
 */
@Controller
class OutboxPage {

    private static final List<OutboxStatus> SHOWN =
            List.of(OutboxStatus.DEAD, OutboxStatus.PENDING, OutboxStatus.TRANSACTIONAL);

    private final OutboxOperations outbox;
    private final int pageSize;

    OutboxPage(OutboxOperations outbox, @Value("${tradeflow.ops.page-size}") int pageSize) {
        this.outbox = outbox;
        this.pageSize = pageSize;
    }

    @GetMapping("/ops/outbox")
    String rows(@RequestParam(defaultValue = "DEAD") String status, Model model) {
        OutboxStatus shown = OutboxOperations.status(status);
        model.addAttribute("statuses", SHOWN);
        model.addAttribute("status", shown);
        model.addAttribute("counts", outbox.unsentCounts());
        model.addAttribute("rows", outbox.list(shown, pageSize));
        return "ops/outbox";
    }

    @PostMapping("/ops/outbox/{eventId}/requeue")
    String requeue(@PathVariable String eventId, Principal operator, RedirectAttributes flash) {
        return ConsoleAction.run(flash, "/ops/outbox?status=DEAD", () -> {
            outbox.requeue(eventId, operator.getName());
            return "outbox event " + eventId + " re-queued: the relay sends it next";
        });
    }
}
