package com.tradeflow.web.system;

/** Every error the web API answers: a machine-readable code and a message for people. */
public record ApiError(String code, String message) {}
