package com.tradeflow.gatewaysim.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradeflow.gatewaysim.http.ApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /v1/payments}, validated at the edge: every refusal names the field in its code, so
 * a merchant's client can tell its own bug (400) from a gateway fault (5xx, retry). Unknown fields are ignored,
 * as real gateways accept descriptions and metadata the simulator has no use for.
 *
 * @param amount integer cents, at least 1
 */
public record CreatePaymentRequest(String merchantOrderNo, long amount, String notifyUrl) {

    static final Pattern MERCHANT_ORDER_NO = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final int MAX_NOTIFY_URL_LENGTH = 2048;
    /** A hundred million in any currency: larger is a units mistake (cents vs. whole units), not a payment. */
    static final long MAX_AMOUNT = 100_000_000_00L;

    static CreatePaymentRequest from(JsonNode body) throws ApiException {
        return new CreatePaymentRequest(
                merchantOrderNo(body.get("merchantOrderNo")),
                amount(body.get("amount")),
                notifyUrl(body.get("notifyUrl")));
    }

    static boolean isValidMerchantOrderNo(String value) {
        return value != null && MERCHANT_ORDER_NO.matcher(value).matches();
    }

    private static String merchantOrderNo(JsonNode node) throws ApiException {
        if (node == null || !node.isTextual() || !isValidMerchantOrderNo(node.asText())) {
            throw ApiException.badRequest(
                    "INVALID_MERCHANT_ORDER_NO", "merchantOrderNo must be 1-64 characters of A-Z a-z 0-9 _ -");
        }
        return node.asText();
    }

    private static long amount(JsonNode node) throws ApiException {
        // 50.00 must not be read as 50 cents: only JSON integers are amounts
        if (node == null
                || !node.isIntegralNumber()
                || !node.canConvertToLong()
                || node.asLong() < 1
                || node.asLong() > MAX_AMOUNT) {
            throw ApiException.badRequest(
                    "INVALID_AMOUNT", "amount must be a whole number of cents between 1 and " + MAX_AMOUNT);
        }
        return node.asLong();
    }

    private static String notifyUrl(JsonNode node) throws ApiException {
        String message =
                "notifyUrl must be an absolute http(s) URL of at most " + MAX_NOTIFY_URL_LENGTH + " characters";
        if (node == null || !node.isTextual() || node.asText().length() > MAX_NOTIFY_URL_LENGTH) {
            throw ApiException.badRequest("INVALID_NOTIFY_URL", message);
        }
        try {
            URI uri = new URI(node.asText());
            String scheme = uri.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw ApiException.badRequest("INVALID_NOTIFY_URL", message);
            }
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("INVALID_NOTIFY_URL", message);
        }
        return node.asText();
    }
}
