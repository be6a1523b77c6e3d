package com.tradeflow.gatewaysim.http;

/**
 * A method and a path, either exact or ending in one variable segment ({@code /v1/payments/{merchantOrderNo}}):
 * all the routing the simulator needs, without a framework.
 */
public record Route(String method, String path, boolean withTail, Handler handler) {

    @FunctionalInterface
    public interface Handler {
        Reply handle(Request request) throws ApiException;
    }

    public static Route exact(String method, String path, Handler handler) {
        return new Route(method, path, false, handler);
    }

    /** {@code prefix} ends with '/'; the rest of the path is one non-empty segment, given as the path tail. */
    public static Route withTail(String method, String prefix, Handler handler) {
        if (!prefix.endsWith("/")) {
            throw new IllegalArgumentException("prefix must end with '/': " + prefix);
        }
        return new Route(method, prefix, true, handler);
    }

    /** @return the path tail ("" for exact routes) when the path matches, else null */
    String match(String requestPath) {
        if (!withTail) {
            return path.equals(requestPath) ? "" : null;
        }
        if (!requestPath.startsWith(path) || requestPath.length() == path.length()) {
            return null;
        }
        String tail = requestPath.substring(path.length());
        return tail.indexOf('/') >= 0 ? null : tail;
    }
}
