package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * End users' identity on the web API, with real tokens of the stack's auth-server: who may call, and that a user
 * sees and moves only what is theirs. (Expiry, issuer and audience checks: consumer-web's TokenChecksTests.)
 */
@ExtendWith(TestStack.class)
class SecurityIT {

    private static final long ALICE = 96;
    private static final long BOB = 97;
    private static final long SKU = 3;
    private static final long FLASH_SALE_SKU = 20;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private static Api api;
    private static String bobsOrder;

    @BeforeAll
    static void bobHasAnOrder() {
        api = TestStack.api();
        Api.Reply placed = api.placeOrder(BOB, SKU, 1, "AT");
        assertThat(placed.status()).as("%s", placed.body()).isEqualTo(201);
        bobsOrder = placed.body().path("orderId").asText();
    }

    @Test
    void shouldRefuseRequestsWithoutAValidToken() {
        Api.Reply anonymous = api.get("/api/wallets/" + BOB);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("UNAUTHORIZED");

        String real = api.tokenOf(BOB);
        String[] parts = real.split("\\.");
        String aliceClaims = encode(decode(parts[1]).replace("\"sub\":\"" + BOB + "\"", "\"sub\":\"" + ALICE + "\""));
        String[] forged = {
            "not-a-jwt",
            // Bob's signature over Alice's claims
            parts[0] + "." + aliceClaims + "." + parts[2],
            // unsigned
            encode("{\"alg\":\"none\"}") + "." + parts[1] + ".",
            // HMAC with a key anyone could pick (the issuer's key id kept)
            hmacSigned(decode(parts[0]).replace("RS256", "HS256"), decode(parts[1])),
            // RS256 with another key, the issuer's key id kept
            rsaSignedWithAnotherKey(decode(parts[0]), decode(parts[1]))
        };
        for (String token : forged) {
            Api.Reply reply = api.withAuthorization("Bearer " + token).get("/api/wallets/" + BOB);
            assertThat(reply.status()).as(token).isEqualTo(401);
            assertThat(reply.code()).as(token).isEqualTo("UNAUTHORIZED");
        }
        assertThat(api.withAuthorization("Bearer " + real)
                        .get("/api/wallets/" + BOB)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void shouldAnswerAnotherUsersThingsAsIfTheyDidNotExist() {
        Api alice = api.as(ALICE);
        assertThat(alice.get("/api/wallets/" + BOB).status()).isEqualTo(404);
        assertThat(alice.get("/api/orders/" + bobsOrder).status()).isEqualTo(404);
        assertThat(alice.get("/api/users/" + BOB + "/orders").status()).isEqualTo(404);

        String topUp = api.topUp(BOB, 1000, UUID.randomUUID().toString())
                .body()
                .path("topUpId")
                .asText();
        assertThat(alice.get("/api/topups/" + topUp).status()).isEqualTo(404);
        assertThat(api.as(BOB).get("/api/topups/" + topUp).status()).isEqualTo(200);

        Api.Reply transfer = api.as(BOB)
                .post(
                        "/api/transfers",
                        "{\"toUserId\":" + ALICE + ",\"amount\":1}",
                        UUID.randomUUID().toString());
        assertThat(transfer.status()).as("%s", transfer.body()).isEqualTo(201);
        String transferId = transfer.body().path("transferId").asText();
        assertThat(alice.get("/api/transfers/" + transferId).status())
                .as("the payee sees it")
                .isEqualTo(200);
        assertThat(api.as(BOB).get("/api/transfers/" + transferId).status()).isEqualTo(200);
        assertThat(api.as(1).get("/api/transfers/" + transferId).status())
                .as("a third user")
                .isEqualTo(404);

        String saleId = api.adminPost(
                        "/api/flash-sales",
                        "{\"skuId\":" + FLASH_SALE_SKU + ",\"quantity\":1,"
                                + "\"price\":1,\"startsAt\":\"" + Instant.now() + "\",\"endsAt\":\""
                                + Instant.now().plusSeconds(60)
                                + "\",\"perUserLimit\":1}")
                .body()
                .path("saleId")
                .asText();
        Api.Reply ticket = api.as(BOB).post("/api/flash-sales/" + saleId + "/orders", "{}");
        assertThat(ticket.status()).as("%s", ticket.body()).isEqualTo(202);
        assertThat(ticket.body().path("userId").asLong())
                .as("the caller is the buyer")
                .isEqualTo(BOB);
        String ticketId = ticket.body().path("ticketId").asText();
        assertThat(alice.get("/api/flash-sales/tickets/" + ticketId).status()).isEqualTo(404);
        assertThat(api.as(BOB).get("/api/flash-sales/tickets/" + ticketId).status())
                .isEqualTo(200);
    }

    @Test
    void shouldMoveNothingForAnotherUserThanTheTokens() {
        long bobsBalance = api.balance(BOB);
        long alicesBalance = api.balance(ALICE);
        long available = api.available(SKU);
        Api alice = api.as(ALICE);

        Api.Reply transfer = alice.post(
                "/api/transfers",
                "{\"fromUserId\":" + BOB + ",\"toUserId\":" + ALICE + ",\"amount\":500}",
                UUID.randomUUID().toString());
        assertThat(transfer.status()).isEqualTo(403);
        assertThat(transfer.code()).isEqualTo("FORBIDDEN");
        Api.Reply purchase = alice.post("/api/orders", Api.order(BOB, SKU, 1));
        assertThat(purchase.status()).isEqualTo(403);
        Api.Reply cancel = alice.post("/api/orders/" + bobsOrder + "/cancel", "{}");
        assertThat(cancel.status()).isEqualTo(404);
        Api.Reply topUp = alice.post(
                "/api/wallets/" + BOB + "/topups",
                "{\"amount\":5000}",
                UUID.randomUUID().toString());
        assertThat(topUp.status()).isEqualTo(404);

        assertThat(api.balance(BOB)).isEqualTo(bobsBalance);
        assertThat(api.balance(ALICE)).isEqualTo(alicesBalance);
        assertThat(api.available(SKU)).isEqualTo(available);
        assertThat(api.order(BOB, bobsOrder).body().path("status").asText()).isEqualTo("PLACED");
    }

    @Test
    void shouldKeepAdminEndpointsForAdmins() {
        Api.Reply asUser = api.as(ALICE).get("/api/admin/outbox?status=DEAD");
        assertThat(asUser.status()).isEqualTo(403);
        assertThat(asUser.code()).isEqualTo("FORBIDDEN");
        assertThat(api.asAdmin().get("/api/admin/outbox?status=DEAD").status()).isEqualTo(200);
        assertThat(api.adminGet("/api/admin/outbox?status=DEAD").status())
                .as("the static admin token")
                .isEqualTo(200);
        assertThat(api.asAdmin().get("/api/wallets/" + ALICE).status())
                .as("an admin is not a user")
                .isEqualTo(403);
    }

    @Test
    void shouldPlaceAnOrderForTheCallerWhenTheBodyNamesNoUser() {
        long balance = api.balance(ALICE);
        Api.Reply placed = api.as(ALICE).post("/api/orders", "{\"skuId\":" + SKU + ",\"quantity\":1,\"mode\":\"AT\"}");

        assertThat(placed.status()).as("%s", placed.body()).isEqualTo(201);
        assertThat(placed.body().path("userId").asLong()).isEqualTo(ALICE);
        assertThat(api.balance(ALICE))
                .isEqualTo(balance - placed.body().path("amount").asLong());
    }

    private static String hmacSigned(String header, String claims) {
        try {
            String signingInput = encode(header) + "." + encode(claims);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(
                    "a-secret-anyone-could-pick-32-bytes".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signingInput + "."
                    + BASE64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rsaSignedWithAnotherKey(String header, String claims) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String signingInput = encode(header) + "." + encode(claims);
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(generator.generateKeyPair().getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
