package com.tradeflow.web.reconciliation;

import com.tradeflow.web.reconciliation.Findings.Checked;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A check of subjects read page by page from a position that the reader alone understands (a provider's paged
 * read, or several databases'), stored between passes. Each pass reads the next page, then reads again the
 * subjects that still have open findings, so that a finding whose cause went away clears itself.
 *
 * @param <R> a subject as read, with what its books say
 */
abstract class PositionedCheck<R> implements BooksCheck {

    /** A page of subjects changed after a position. */
    record Page<R>(List<R> rows, String next, boolean more) {}

    private final Subject subject;
    private final String source;
    private final Findings findings;
    private final ReconciliationProperties properties;

    /** @param source where the position is stored ({@code reconciliation_watermarks.source}) */
    PositionedCheck(Subject subject, String source, Findings findings, ReconciliationProperties properties) {
        this.subject = subject;
        this.source = source;
        this.findings = findings;
        this.properties = properties;
    }

    @Override
    public Subject subject() {
        return subject;
    }

    /** Subjects changed after the position at least {@code settleMillis} ago, at most {@code limit} per database. */
    abstract Page<R> changedAfter(String position, long settleMillis, int limit);

    /** These subjects as they are now; one that no longer exists is left out. */
    abstract List<R> current(List<String> ids);

    abstract String idOf(R subject);

    abstract Checked check(R subject);

    /**
     * The kinds of finding this check decides (opens, and clears when it no longer finds them): by default every
     * kind of its subject; a check that shares its subject with another names its own.
     */
    Set<FindingKind> kinds() {
        return FindingKind.of(subject);
    }

    @Override
    public Pass pass() {
        Page<R> page =
                changedAfter(findings.position(source), properties.settleAfter().toMillis(), properties.batchSize());
        int opened = findings.record(page.rows().stream().map(this::check).toList(), kinds());
        findings.advance(source, page.next());
        // those the page just read are checked already
        Set<String> read = page.rows().stream().map(this::idOf).collect(Collectors.toSet());
        List<String> open = findings.openSubjects(subject, kinds(), properties.batchSize()).stream()
                .filter(id -> !read.contains(id))
                .toList();
        if (!open.isEmpty()) {
            Map<String, R> now =
                    current(open).stream().collect(Collectors.toMap(this::idOf, Function.identity(), (a, b) -> a));
            findings.record(
                    open.stream()
                            .map(id ->
                                    now.containsKey(id) ? check(now.get(id)) : Checked.of(subject, id, null, List.of()))
                            .toList(),
                    kinds());
        }
        return new Pass(page.rows().size(), opened, page.more());
    }
}
