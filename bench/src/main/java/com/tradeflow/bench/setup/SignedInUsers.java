package com.tradeflow.bench.setup;

import com.tradeflow.auth.client.DemoLogin;
import com.tradeflow.auth.client.SignedInTokens;
import com.tradeflow.bench.load.UserTokens;
import com.tradeflow.bench.scenario.BenchData;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The benchmark's users signed in at the local stack's issuer before the load starts (each as a browser would:
 * {@link DemoLogin}), so that no sign-in falls into a measured window. A token about to expire (runs can outlast an
 * access token's hour) is renewed on its user's next request ({@link SignedInTokens}).
 */
public final class SignedInUsers implements UserTokens {

    /** Sign-ins at once: each is a few requests and a hash check on the issuer's side. */
    private static final int PARALLEL_SIGN_INS = 4;

    private final SignedInTokens tokens;
    private final String password;

    public SignedInUsers(DemoLogin login, String password) {
        this.tokens = new SignedInTokens(login);
        this.password = password;
    }

    /** Signs in every user of the data. */
    public void signInAll(BenchData data, PrintWriter out) throws InterruptedException {
        out.printf("sign-in: users %d-%d%n", data.firstUser(), data.lastUser());
        out.flush();
        ExecutorService signIns = Executors.newFixedThreadPool(PARALLEL_SIGN_INS);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (long user = data.firstUser(); user <= data.lastUser(); user++) {
                long userId = user;
                all.add(signIns.submit(() -> of(userId)));
            }
            for (Future<?> signIn : all) {
                signIn.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IllegalStateException signInFailed
                    ? signInFailed
                    : new IllegalStateException(
                            "signing in failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            signIns.shutdownNow();
        }
    }

    @Override
    public String of(long userId) {
        try {
            return tokens.of(String.valueOf(userId), password);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot sign user " + userId + " in: " + e.getMessage(), e);
        }
    }
}
