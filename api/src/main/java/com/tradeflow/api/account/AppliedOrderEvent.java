package com.tradeflow.api.account;

import java.io.Serializable;

/** An order event the loyalty points subscriber applied (its dedupe record): which order, placed or cancelled. */
public record AppliedOrderEvent(long orderId, String eventType) implements Serializable {}
