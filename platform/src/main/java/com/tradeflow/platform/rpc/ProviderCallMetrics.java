package com.tradeflow.platform.rpc;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.metadata.MetadataService;
import org.apache.dubbo.metadata.MetadataServiceV2;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;

/**
 * Times every call this provider serves, by service, method and outcome ({@code tradeflow.rpc.server}: calls per
 * second, errors, latency on {@code /actuator/prometheus}), measured from the call's arrival to its answer, async
 * answers included. Outcomes: {@code SUCCESS}; {@code REFUSED}, a {@link BusinessException} the caller is meant to
 * handle (insufficient balance, not found ...); {@code ERROR}, anything else (the service's database unavailable
 * included). Spring Boot puts its registries in
 * Micrometer's global one, which this SPI-made filter reaches.
 */
@Activate(group = CommonConstants.PROVIDER, order = ProviderCallMetrics.ORDER)
public class ProviderCallMetrics implements Filter, Filter.Listener {

    /** Right after the caller token check: refused callers are not counted as calls. */
    static final int ORDER = CallerTokenProviderFilter.ORDER + 1;

    static final String METRIC = "tradeflow.rpc.server";

    /** How a call ended. */
    enum Outcome {
        SUCCESS,
        REFUSED,
        ERROR
    }

    private static final String STARTED = "tradeflow.rpc.server.started";
    /** Per service, per method: a timer per outcome, looked up without building a key per call. */
    private static final ClassValue<Map<String, Timer[]>> TIMERS = new ClassValue<>() {
        @Override
        protected Map<String, Timer[]> computeValue(Class<?> service) {
            return new ConcurrentHashMap<>();
        }
    };

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        invocation.put(STARTED, System.nanoTime());
        return invoker.invoke(invocation);
    }

    @Override
    public void onResponse(Result result, Invoker<?> invoker, Invocation invocation) {
        record(
                invoker,
                invocation,
                !result.hasException()
                        ? Outcome.SUCCESS
                        : isRefusal(result.getException()) ? Outcome.REFUSED : Outcome.ERROR);
    }

    @Override
    public void onError(Throwable error, Invoker<?> invoker, Invocation invocation) {
        record(invoker, invocation, isRefusal(error) ? Outcome.REFUSED : Outcome.ERROR);
    }

    private static void record(Invoker<?> invoker, Invocation invocation, Outcome outcome) {
        Class<?> service = invoker.getInterface();
        if (!(invocation.get(STARTED) instanceof Long started)
                || MetadataService.class.equals(service)
                || MetadataServiceV2.class.equals(service)) {
            return;
        }
        timer(service, invocation.getMethodName(), outcome).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    static Timer timer(Class<?> service, String method, Outcome outcome) {
        return TIMERS.get(service)
                .computeIfAbsent(method, m -> {
                    Timer[] timers = new Timer[Outcome.values().length];
                    for (Outcome o : Outcome.values()) {
                        timers[o.ordinal()] = Timer.builder(METRIC)
                                .description("Dubbo calls served, from arrival to answer")
                                .tag("service", service.getSimpleName())
                                .tag("method", m)
                                .tag("outcome", o.name())
                                .register(Metrics.globalRegistry);
                    }
                    return timers;
                })[outcome.ordinal()];
    }

    /** A refusal of the business (not enough money ...), not its database gone (DependencyFailureProviderFilter). */
    private static boolean isRefusal(Throwable error) {
        return error instanceof BusinessException refused && refused.code() != ErrorCode.DEPENDENCY_UNAVAILABLE;
    }
}
