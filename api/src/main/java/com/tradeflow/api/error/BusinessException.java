package com.tradeflow.api.error;

/**
 * A refusal a caller can act on (unknown sku, not enough stock ...), thrown by providers across Dubbo and by the
 * web tier. It rolls back the global transaction it happens in.
 */
public class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public BusinessException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
