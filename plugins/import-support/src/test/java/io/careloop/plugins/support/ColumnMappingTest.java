package io.careloop.plugins.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {

    private static final List<String> FIELDS = List.of("ticket", "csat", "comment");

    @Test
    void linesWithEqualsOrColonBecomeFieldsInOrderAndCommentsAreSkipped() {
        assertThat(ColumnMapping.parse("# saved by ivy\nticket = 工单号\n\ncsat: 满意度（1-5）\n", FIELDS))
                .containsExactly(Map.entry("ticket", "工单号"), Map.entry("csat", "满意度（1-5）"));
        assertThat(ColumnMapping.parse(null, FIELDS)).isEmpty();
    }

    @Test
    void aLineWithoutFieldOrAnUnknownFieldIsNamedInTheError() {
        assertThatThrownBy(() -> ColumnMapping.parse("工单号", FIELDS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column mapping line '工单号' is not field=Header");
        assertThatThrownBy(() -> ColumnMapping.parse("nps=NPS", FIELDS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown field 'nps'").hasMessageContaining("[ticket, csat, comment]");
    }
}
