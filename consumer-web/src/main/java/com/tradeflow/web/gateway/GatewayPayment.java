package com.tradeflow.web.gateway;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** A payment as the gateway reports it (create and query answers). Money in cents. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GatewayPayment(
        String paymentId, String merchantOrderNo, long amount, PaymentStatus status, Instant finishedAt) {}
