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

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private static Api api;
    private static long alice;
    private static long bob;
    /** Neither side of Bob's transfer. */
    private static long carol;

    private static long sku;
    /** Has the one unit its flash sale offers. */
    private static long flashSaleSku;

    private static String bobsOrder;

    @BeforeAll
    static void bobHasAnOrder() {
        api = TestStack.api();
        Databases db = TestStack.db();
        alice = db.newUser(100_000);
        bob = db.newUser(100_000);
        carol = db.newUser(0);
        sku = db.newProduct(999, 1_000);
        flashSaleSku = db.newProduct(10_000, 1);
        Api.Reply placed = api.placeOrder(bob, sku, 1, "AT");
        assertThat(placed.status()).as("%s", placed.body()).isEqualTo(201);
        bobsOrder = placed.body().path("orderId").asText();
    }

    @Test
    void shouldRefuseRequestsWithoutAValidToken() {
        Api.Reply anonymous = api.get("/api/wallets/" + bob);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("UNAUTHORIZED");

        String real = api.tokenOf(bob);
        String[] parts = real.split("\\.");
        String aliceClaims = encode(decode(parts[1]).replace("\"sub\":\"" + bob + "\"", "\"sub\":\"" + alice + "\""));
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
            Api.Reply reply = api.withAuthorization("Bearer " + token).get("/api/wallets/" + bob);
            assertThat(reply.status()).as(token).isEqualTo(401);
            assertThat(reply.code()).as(token).isEqualTo("UNAUTHORIZED");
        }
        assertThat(api.withAuthorization("Bearer " + real)
                        .get("/api/wallets/" + bob)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void shouldAnswerAnotherUsersThingsAsIfTheyDidNotExist() {
        Api asAlice = api.as(alice);
        assertThat(asAlice.get("/api/wallets/" + bob).status()).isEqualTo(404);
        assertThat(asAlice.get("/api/orders/" + bobsOrder).status()).isEqualTo(404);
        assertThat(asAlice.get("/api/users/" + bob + "/orders").status()).isEqualTo(404);

        String topUp = api.topUp(bob, 1000, UUID.randomUUID().toString())
                .body()
                .path("topUpId")
                .asText();
        assertThat(asAlice.get("/api/topups/" + topUp).status()).isEqualTo(404);
        assertThat(api.as(bob).get("/api/topups/" + topUp).status()).isEqualTo(200);

        Api.Reply transfer = api.as(bob)
                .post(
                        "/api/transfers",
                        "{\"toUserId\":" + alice + ",\"amount\":1}",
                        UUID.randomUUID().toString());
        assertThat(transfer.status()).as("%s", transfer.body()).isEqualTo(201);
        String transferId = transfer.body().path("transferId").asText();
        assertThat(asAlice.get("/api/transfers/" + transferId).status())
                .as("the payee sees it")
                .isEqualTo(200);
        assertThat(api.as(bob).get("/api/transfers/" + transferId).status()).isEqualTo(200);
        assertThat(api.as(carol).get("/api/transfers/" + transferId).status())
                .as("a third user")
                .isEqualTo(404);

        String saleId = api.adminPost(
                        "/api/flash-sales",
                        "{\"skuId\":" + flashSaleSku + ",\"quantity\":1,"
                                + "\"price\":1,\"startsAt\":\"" + Instant.now() + "\",\"endsAt\":\""
                                + Instant.now().plusSeconds(60)
                                + "\",\"perUserLimit\":1}")
                .body()
                .path("saleId")
                .asText();
        Api.Reply ticket = api.as(bob).post("/api/flash-sales/" + saleId + "/orders", "{}");
        assertThat(ticket.status()).as("%s", ticket.body()).isEqualTo(202);
        assertThat(ticket.body().path("userId").asLong())
                .as("the caller is the buyer")
                .isEqualTo(bob);
        String ticketId = ticket.body().path("ticketId").asText();
        assertThat(asAlice.get("/api/flash-sales/tickets/" + ticketId).status()).isEqualTo(404);
        assertThat(api.as(bob).get("/api/flash-sales/tickets/" + ticketId).status())
                .isEqualTo(200);
    }

    @Test
    void shouldMoveNothingForAnotherUserThanTheTokens() {
        long bobsBalance = api.balance(bob);
        long alicesBalance = api.balance(alice);
        long available = api.available(sku);
        Api asAlice = api.as(alice);

        Api.Reply transfer = asAlice.post(
                "/api/transfers",
                "{\"fromUserId\":" + bob + ",\"toUserId\":" + alice + ",\"amount\":500}",
                UUID.randomUUID().toString());
        assertThat(transfer.status()).isEqualTo(403);
        assertThat(transfer.code()).isEqualTo("FORBIDDEN");
        Api.Reply purchase = asAlice.post("/api/orders", Api.order(bob, sku, 1));
        assertThat(purchase.status()).isEqualTo(403);
        Api.Reply cancel = asAlice.post("/api/orders/" + bobsOrder + "/cancel", "{}");
        assertThat(cancel.status()).isEqualTo(404);
        Api.Reply topUp = asAlice.post(
                "/api/wallets/" + bob + "/topups",
                "{\"amount\":5000}",
                UUID.randomUUID().toString());
        assertThat(topUp.status()).isEqualTo(404);

        assertThat(api.balance(bob)).isEqualTo(bobsBalance);
        assertThat(api.balance(alice)).isEqualTo(alicesBalance);
        assertThat(api.available(sku)).isEqualTo(available);
        assertThat(api.order(bob, bobsOrder).body().path("status").asText()).isEqualTo("PLACED");
    }

    @Test
    void shouldKeepAdminEndpointsForAdmins() {
        Api.Reply asUser = api.as(alice).get("/api/admin/outbox?status=DEAD");
        assertThat(asUser.status()).isEqualTo(403);
        assertThat(asUser.code()).isEqualTo("FORBIDDEN");
        assertThat(api.asAdmin().get("/api/admin/outbox?status=DEAD").status()).isEqualTo(200);
        assertThat(api.adminGet("/api/admin/outbox?status=DEAD").status())
                .as("the static admin token")
                .isEqualTo(200);
        assertThat(api.asAdmin().get("/api/wallets/" + alice).status())
                .as("an admin is not a user")
                .isEqualTo(403);
    }

    @Test
    void shouldPlaceAnOrderForTheCallerWhenTheBodyNamesNoUser() {
        long balance = api.balance(alice);
        Api.Reply placed = api.as(alice).post("/api/orders", "{\"skuId\":" + sku + ",\"quantity\":1,\"mode\":\"AT\"}");

        assertThat(placed.status()).as("%s", placed.body()).isEqualTo(201);
        assertThat(placed.body().path("userId").asLong()).isEqualTo(alice);
        assertThat(api.balance(alice))
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
