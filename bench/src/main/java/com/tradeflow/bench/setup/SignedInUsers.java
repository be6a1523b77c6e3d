package com.tradeflow.bench.setup;

import com.tradeflow.auth.client.DemoLogin;
import com.tradeflow.bench.load.UserTokens;
import com.tradeflow.bench.scenario.BenchData;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The benchmark's users signed in at the local stack's issuer before the load starts (each as a browser would:
 * {@link DemoLogin}), so that no sign-in falls into a measured window. A token about to expire (runs can outlast an
 * access token's hour) is renewed on its user's next request.
 */
public final class SignedInUsers implements UserTokens {

    /** Sign-ins at once: each is a few requests and a hash check on the issuer's side. */
    private static final int PARALLEL_SIGN_INS = 4;
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(2);

    private final DemoLogin login;
    private final String password;
    private final Map<Long, DemoLogin.Token> tokens = new ConcurrentHashMap<>();

    public SignedInUsers(DemoLogin login, String password) {
        this.login = login;
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
            throw e.getCause() instanceof IllegalStateException signInFailed ? signInFailed
                    : new IllegalStateException("signing in failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            signIns.shutdownNow();
        }
    }

    @Override
    public String of(long userId) {
        return tokens.compute(userId, (user, known) -> known != null
                && known.expiresAt().isAfter(Instant.now().plus(RENEW_BEFORE)) ? known : signIn(user)).value();
    }

    private DemoLogin.Token signIn(long userId) {
        try {
            return login.signIn(String.valueOf(userId), password);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot sign user " + userId + " in: " + e.getMessage(), e);
        }
    }
}
