package com.tradeflow.platform.books;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

class ChangedRowsTests {

    private record Row(long id, Timestamp at) {}

    private static Timestamp at(long millis) {
        return new Timestamp(millis);
    }

    /**
     * A table in memory answering the two statements {@link ChangedRows#read} sends: settled rows after a time,
     * ordered, limited; and every row at one time. (Everything is settled here: the bound is not modelled.)
     */
    private static final class FakeTable extends JdbcTemplate {
        private final List<Row> rows;
        int queries;

        FakeTable(Row... rows) {
            this.rows = List.of(rows);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
            queries++;
            Timestamp time = (Timestamp) args[0];
            if (sql.endsWith("= ?")) {
                return (List<T>) rows.stream().filter(r -> r.at().equals(time)).toList();
            }
            int limit = (Integer) args[2];
            return (List<T>) rows.stream()
                    .filter(r -> r.at().after(time))
                    .sorted(Comparator.comparing(Row::at))
                    .limit(limit)
                    .toList();
        }
    }

    private static ChangedRows.Page<Row> read(FakeTable table, Timestamp after, int limit) {
        return ChangedRows.read(table, "SELECT * FROM t WHERE", "at", after, 0, limit, (rs, i) -> null, Row::at);
    }

    @Test
    void shouldReadEverythingAfterThePositionWhenThePageIsNotFull() {
        FakeTable table = new FakeTable(new Row(1, at(10)), new Row(2, at(20)), new Row(3, at(30)));
        ChangedRows.Page<Row> page = read(table, at(10), 5);
        assertThat(page.rows()).extracting(Row::id).containsExactly(2L, 3L);
        assertThat(page.completeUpTo()).isEqualTo(at(30));
        assertThat(page.more()).isFalse();
    }

    @Test
    void shouldStayAtThePositionWhenNothingChanged() {
        ChangedRows.Page<Row> page = read(new FakeTable(new Row(1, at(10))), at(10), 5);
        assertThat(page.rows()).isEmpty();
        assertThat(page.completeUpTo()).isEqualTo(at(10));
    }

    @Test
    void shouldEndAFullPageBeforeItsLastTimestampSoThatNoRowSharingItIsSkipped() {
        FakeTable table = new FakeTable(new Row(1, at(10)), new Row(2, at(20)), new Row(3, at(20)), new Row(4, at(20)));
        ChangedRows.Page<Row> first = read(table, at(0), 2);
        assertThat(first.rows()).extracting(Row::id).containsExactly(1L);
        assertThat(first.completeUpTo()).isEqualTo(at(10));
        assertThat(first.more()).isTrue();
        ChangedRows.Page<Row> second = read(table, first.completeUpTo(), 2);
        assertThat(second.rows())
                .as("a whole page at one timestamp: every row of it")
                .extracting(Row::id)
                .containsExactly(2L, 3L, 4L);
        assertThat(second.completeUpTo()).isEqualTo(at(20));
        assertThat(read(table, second.completeUpTo(), 2).rows()).isEmpty();
    }

    @Test
    void shouldWriteAndReadBackThePositionsOfSeveralDatabases() {
        List<Timestamp> positions =
                List.of(Timestamp.valueOf("2026-12-06 11:20:00.123"), Timestamp.valueOf("2026-12-06 11:21:00.5"));
        assertThat(ChangedRows.positions(ChangedRows.position(positions), 2)).isEqualTo(positions);
        assertThat(ChangedRows.positions(null, 2)).containsExactly(at(0), at(0));
        assertThat(ChangedRows.positions("", 1)).containsExactly(at(0));
    }

    @Test
    void shouldRefuseAPositionThatIsNotOneOfThisService() {
        String ofTwo = ChangedRows.position(List.of(at(0), at(1)));
        assertThatThrownBy(() -> ChangedRows.positions(ofTwo, 1))
                .isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).code())
                .isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThatThrownBy(() -> ChangedRows.positions("yesterday", 1)).isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> ChangedRows.requireLimit(0, 500)).isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> ChangedRows.requireLimit(501, 500)).isInstanceOf(BusinessException.class);
    }
}
