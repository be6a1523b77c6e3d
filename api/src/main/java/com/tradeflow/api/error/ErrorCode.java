package com.tradeflow.api.error;

/**
 * Machine-readable error codes shared by the services and the web API. Each knows the HTTP status the web API
 * answers it with.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400),
    /** A flash sale that has not started yet or is over. */
    SALE_NOT_ACTIVE(400),
    /** No bearer token, or one that is not valid here (signature, issuer, audience, expiry). */
    UNAUTHORIZED(401),
    /** A payment notification whose signature does not match (or is missing): not from the gateway. */
    INVALID_SIGNATURE(401),
    /** A payment notification signed outside the accepted time window: possibly a replay. */
    STALE_NOTIFICATION(401),
    /** A Sentinel authority rule refuses the caller. */
    ACCESS_DENIED(403),
    /**
     * The token is valid but does not allow this: a body naming another user than the token's, a user's endpoint
     * called with an admin's token, an admin endpoint with a user's.
     */
    FORBIDDEN(403),
    NOT_FOUND(404),
    INSUFFICIENT_STOCK(409),
    INSUFFICIENT_BALANCE(409),
    /** Another purchase is changing the same stock or wallet right now; trying again later can succeed. */
    CONCURRENT_UPDATE(409),
    /** The order is not in a state that allows this (e.g. cancelling an order that is still being placed). */
    ORDER_NOT_CANCELLABLE(409),
    /** Only DEAD outbox events can be re-queued (a PENDING one is still being retried, a SENT one was delivered). */
    EVENT_NOT_DEAD(409),
    /** Only an OPEN reconciliation finding can be resolved (a CLEARED or RESOLVED one is closed already). */
    FINDING_NOT_OPEN(409),
    /** Every unit of the flash sale is taken (a ticket given back after a failed order can free one again). */
    SOLD_OUT(409),
    /** The user holds as many tickets of the flash sale as it allows per user. */
    LIMIT_REACHED(409),
    /** A body larger than the endpoint takes (a payment notification over its cap): refused before it is read. */
    PAYLOAD_TOO_LARGE(413),
    IDEMPOTENCY_KEY_REUSED(422),
    /** A dead-lettered message that is not an order event cannot be replayed (it would poison every subscriber). */
    UNREADABLE_EVENT(422),
    /** A Sentinel flow, hot-parameter or system rule refused the request: try again shortly (Retry-After). */
    RATE_LIMITED(429),
    /** A provider, the transaction coordinator or a database cannot be reached: try again later. */
    DEPENDENCY_UNAVAILABLE(503),
    INTERNAL_ERROR(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
