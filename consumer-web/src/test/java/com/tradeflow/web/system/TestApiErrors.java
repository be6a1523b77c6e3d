package com.tradeflow.web.system;

/** The web API's error answers, for controller tests of other packages. */
public final class TestApiErrors {

    private TestApiErrors() {}

    public static Object handler() {
        return new ApiExceptionHandler();
    }
}
