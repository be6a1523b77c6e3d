package com.tradeflow.devstack.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** A readiness check over HTTP for a server the stack starts: no answer, or one that does not satisfy, is not ready. */
public final class HttpProbe {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private HttpProbe() {}

    public static BooleanSupplier answering(URI uri, Predicate<HttpResponse<String>> ready) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        HttpRequest probe = HttpRequest.newBuilder(uri).timeout(PROBE_TIMEOUT).build();
        return () -> {
            try {
                return ready.test(http.send(probe, HttpResponse.BodyHandlers.ofString()));
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }
}
