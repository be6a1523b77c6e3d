package com.tradeflow.platform.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/** The {@code VALUES} of a multi-row {@code INSERT}: a {@code (?, ..., ?)} per row, and the rows' values in order. */
final class MultiRowValues {

    private MultiRowValues() {}

    static String placeholders(int rows, int columns) {
        String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return String.join(", ", Collections.nCopies(rows, row));
    }

    /** @param columns one row's values, in the statement's column order */
    static <T> Object[] values(List<T> rows, Function<T, List<?>> columns) {
        List<Object> values = new ArrayList<>();
        rows.forEach(row -> values.addAll(columns.apply(row)));
        return values.toArray();
    }
}
