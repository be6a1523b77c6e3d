package com.tradeflow.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code ${...}} placeholders of Spring (the services' application.yml) and of Docker Compose (compose.yaml). */
final class Placeholders {

    /** What an environment variable is called, as opposed to a property ({@code ${server.port}}). */
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    /**
     * Compose's interpolation: {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-default}},
     * {@code ${NAME:?error}}, {@code ${NAME?error}}, {@code ${NAME:+other}}; {@code $$} is a literal dollar.
     */
    private static final Pattern COMPOSE_INTERPOLATION =
            Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}");
    /** {@code $NAME}, which Compose interpolates too; this repository writes every interpolation with braces. */
    private static final Pattern COMPOSE_UNBRACED = Pattern.compile("(?<!\\$)\\$(?![{$])[A-Za-z_]");

    private Placeholders() {}

    /**
     * A Spring placeholder: {@code ${name}} or {@code ${name:default}}; {@code nested} when it sits in another one's
     * default (it is then resolved only if that one is not set).
     */
    record SpringPlaceholder(String name, boolean hasDefault, boolean nested) {
        boolean isVariable() {
            return VARIABLE_NAME.matcher(name).matches();
        }
    }

    /** Every Spring placeholder in the text, nested ones included. */
    static List<SpringPlaceholder> spring(String text) {
        List<SpringPlaceholder> found = new ArrayList<>();
        collectSpring(text, false, found);
        return found;
    }

    private static void collectSpring(String text, boolean nested, List<SpringPlaceholder> found) {
        int from = 0;
        while (true) {
            int start = text.indexOf("${", from);
            if (start < 0) {
                return;
            }
            int end = closingBrace(text, start + 2);
            if (end < 0) {
                throw new IllegalArgumentException("unclosed placeholder in: " + text);
            }
            String inside = text.substring(start + 2, end);
            int separator = separatorOutsideNesting(inside);
            if (separator < 0) {
                found.add(new SpringPlaceholder(inside, false, nested));
            } else {
                found.add(new SpringPlaceholder(inside.substring(0, separator), true, nested));
                collectSpring(inside.substring(separator + 1), true, found);
            }
            from = end + 1;
        }
    }

    /** As Spring counts: every brace opened inside ({@code {traceId}} as well as a nested placeholder) closes first. */
    private static int closingBrace(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    private static int separatorOutsideNesting(String inside) {
        int depth = 0;
        for (int i = 0; i < inside.length(); i++) {
            if (inside.charAt(i) == '{') {
                depth++;
            } else if (inside.charAt(i) == '}') {
                depth--;
            } else if (inside.charAt(i) == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A Compose interpolation. {@code operator} is null, {@code :-}, {@code -}, {@code :?}, {@code ?}, {@code :+} or
     * {@code +}.
     */
    record Interpolation(String name, String operator, String argument) {
        /** Without a value from the environment (or .env), Compose stops or sets nothing. */
        boolean required() {
            return operator == null || operator.endsWith("?");
        }

        /** {@code ${NAME}}, {@code ${NAME:?error}}, or a default that is empty: no value of its own. */
        boolean carriesNoLiteral() {
            return operator == null || operator.endsWith("?") || argument.isEmpty();
        }
    }

    static List<Interpolation> compose(String value) {
        List<Interpolation> found = new ArrayList<>();
        Matcher matcher = COMPOSE_INTERPOLATION.matcher(value);
        while (matcher.find()) {
            found.add(new Interpolation(
                    matcher.group(1), matcher.group(2), matcher.group(3) == null ? "" : matcher.group(3)));
        }
        return found;
    }

    /** The value is one interpolation and nothing else. */
    static boolean isSingleInterpolation(String value) {
        Matcher matcher = COMPOSE_INTERPOLATION.matcher(value);
        return matcher.matches();
    }

    static boolean hasUnbracedInterpolation(String value) {
        return COMPOSE_UNBRACED.matcher(value).find();
    }
}
