package com.tradeflow.web.flashsale;

/** Where a flash-sale ticket is: QUEUED until its order is placed or refused; never back. */
enum TicketStatus {
    QUEUED,
    PLACED,
    FAILED
}
