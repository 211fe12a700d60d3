package io.splice.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvWriterTest {

    @ParameterizedTest(name = "[{0}] is written as [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain|plain",
            "two words|two words",
            "a,b|\"a,b\"",
            "say \"hi\"|\"say \"\"hi\"\"\"",
            "\"|\"\"\"\"",
            "`  spaces kept  `|`  spaces kept  `",
            "ünïcödé €|ünïcödé €"})
    void quotesOnlyWhatRfc4180Requires(String value, String written) {
        assertThat(CsvWriter.field(value)).isEqualTo(written);
    }

    @Test
    void quotesLineBreaksAndKeepsThemInsideTheField() {
        assertThat(CsvWriter.field("line 1\nline 2")).isEqualTo("\"line 1\nline 2\"");
        assertThat(CsvWriter.field("cr\rlf\r\n")).isEqualTo("\"cr\rlf\r\n\"");
    }

    @Test
    void writesRowsEndingInCrLfWithNullsAsEmptyFields() throws IOException {
        // given
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);

        // when
        csv.row(List.of("tenant", "reason", "field"));
        csv.row(Arrays.asList("north", "HTTP 422 street: must be \"x\", or y", null));
        csv.row(Arrays.asList(null, "", "last"));

        // then
        assertThat(out.toString()).isEqualTo("tenant,reason,field\r\n"
                + "north,\"HTTP 422 street: must be \"\"x\"\", or y\",\r\n"
                + ",,last\r\n");
    }
}
