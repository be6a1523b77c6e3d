package com.tradeflow.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 as every signature here uses it: lower-case hex, compared in constant time. */
public final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";

    private HmacSha256() {}

    /** The hex MAC of the parts, in order, as if they were one message. */
    public static String hex(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Whether a given hex MAC (any case, surrounding blanks ignored) is the expected one, in constant time. */
    public static boolean matches(String expectedHex, String givenHex) {
        return givenHex != null
                && MessageDigest.isEqual(
                        expectedHex.getBytes(StandardCharsets.US_ASCII),
                        givenHex.strip().toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }
}
