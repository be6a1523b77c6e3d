package com.tradeflow.web.flashsale;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A ticket as {@code GET /api/flash-sales/tickets/{ticketId}} answers it. Ids are strings: snowflake ids exceed what
 * JSON numbers hold safely.
 *
 * @param orderId the order, once PLACED
 * @param reason  the error code that refused the order, once FAILED (INSUFFICIENT_BALANCE ...)
 * @param detail  what the refusal said
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record FlashSaleTicket(
        String ticketId,
        String saleId,
        long userId,
        TicketStatus status,
        String orderId,
        String reason,
        String detail,
        Instant createdAt,
        Instant updatedAt) {}
