package com.tradeflow.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.spring.ReferenceBean;
import org.junit.jupiter.api.Test;

/**
 * Which calls the Dubbo cluster may try again, as the references declare it: every write of the provider interfaces
 * is tried once (a second try would run it twice inside one global transaction), reads may fail over.
 */
class ProviderReferencesTests {

    @Test
    void shouldTryEveryWriteOnceAndLetOnlyReadsFailOver() {
        List<Method> references = Arrays.stream(ProviderReferences.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(DubboReference.class))
                .toList();
        assertThat(references).hasSize(2);

        for (Method reference : references) {
            DubboReference annotation = reference.getAnnotation(DubboReference.class);
            Class<?> service =
                    (Class<?>) ((ParameterizedType) reference.getGenericReturnType()).getActualTypeArguments()[0];
            assertThat(reference.getReturnType()).isEqualTo(ReferenceBean.class);
            assertThat(annotation.retries())
                    .as("%s: the default for its methods", service.getSimpleName())
                    .isZero();
            Map<String, String> parameters = pairs(annotation.parameters());
            for (Method method : service.getMethods()) {
                String retries = parameters.getOrDefault(method.getName() + ".retries", "0");
                if (isRead(method)) {
                    assertThat(retries)
                            .as("%s.%s", service.getSimpleName(), method.getName())
                            .isEqualTo(ProviderReferences.READ_RETRIES);
                } else {
                    assertThat(retries)
                            .as("%s.%s is a write", service.getSimpleName(), method.getName())
                            .isEqualTo("0");
                }
            }
            assertThat(parameters.keySet())
                    .as("parameters name methods of %s", service.getSimpleName())
                    .allSatisfy(key -> assertThat(
                                    Arrays.stream(service.getMethods()).map(Method::getName))
                            .contains(key.substring(0, key.indexOf('.'))));
        }
    }

    /** The interfaces' reads are named get...; everything else changes state. */
    private static boolean isRead(Method method) {
        return method.getName().startsWith("get");
    }

    private static Map<String, String> pairs(String[] flat) {
        Map<String, String> pairs = new HashMap<>();
        for (int i = 0; i + 1 < flat.length; i += 2) {
            pairs.put(flat[i], flat[i + 1]);
        }
        return pairs;
    }
}
