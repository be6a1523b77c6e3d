package com.tradeflow.web.ops;

import com.tradeflow.web.deadletter.DeadLetterOperations;
import java.security.Principal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /ops/dead-letters}: the events a subscriber group gave up on (read from the broker's dead-letter topic of
 * the group, one group at a time: a browse takes up to seconds); each can be replayed (the same action, and audit,
 * as {@code POST /api/admin/dead-letters/{group}/{msgId}/replay}).
 */
@Controller
class DeadLettersPage {

    private final DeadLetterOperations deadLetters;
    private final int pageSize;

    DeadLettersPage(DeadLetterOperations deadLetters, @Value("${tradeflow.ops.page-size}") int pageSize) {
        this.deadLetters = deadLetters;
        this.pageSize = pageSize;
    }

    @GetMapping("/ops/dead-letters")
    String letters(@RequestParam(required = false) String group, Model model) {
        model.addAttribute("groups", deadLetters.groups());
        model.addAttribute("group", group);
        if (group != null) {
            model.addAttribute("letters", deadLetters.list(group, pageSize));
        }
        return "ops/dead-letters";
    }

    @PostMapping("/ops/dead-letters/{group}/{msgId}/replay")
    String replay(
            @PathVariable String group, @PathVariable String msgId, Principal operator, RedirectAttributes flash) {
        String back = UriComponentsBuilder.fromPath("/ops/dead-letters")
                .queryParam("group", group)
                .build()
                .encode()
                .toUriString();
        return ConsoleAction.run(flash, back, () -> {
            DeadLetterOperations.Replayed replayed = deadLetters.replay(group, msgId, operator.getName());
            return "event " + replayed.eventId() + " of " + replayed.aggregateId() + " sent again to the subscribers"
                    + " (those that applied it already change nothing)";
        });
    }
}
