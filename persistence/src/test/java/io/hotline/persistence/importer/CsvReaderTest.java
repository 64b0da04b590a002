package io.hotline.persistence.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void shouldReadQuotedCommasNewlinesAndQuotesKeepingEachRecordsStartLine() {
        // given a header and records, one of which spans two lines, with CRLF line ends
        String text = "code,name,address\r\n"
                + "C1,\"Pearl Logistics Co., Ltd.\",\"上海市浦东新区\r\n18楼\"\r\n"
                + "C2,\"say \"\"hi\"\"\",\r\n"
                + "\r\n"
                + "C3,北京华联,";

        // when
        Optional<CsvFile> file = read(text.getBytes(StandardCharsets.UTF_8), new Problems());

        // then
        assertThat(file).isPresent();
        assertThat(file.get().header()).containsExactly("code", "name", "address");
        assertThat(file.get().records()).containsExactly(
                new CsvFile.Record(2, List.of("C1", "Pearl Logistics Co., Ltd.", "上海市浦东新区\r\n18楼")),
                new CsvFile.Record(4, List.of("C2", "say \"hi\"", "")),
                new CsvFile.Record(6, List.of("C3", "北京华联", "")));
    }

    @Test
    void shouldSkipAByteOrderMark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "code,name\nZH,普通话\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);

        CsvFile file = read(bytes, new Problems()).orElseThrow();

        assertThat(file.header()).containsExactly("code", "name");
        assertThat(file.records()).containsExactly(new CsvFile.Record(2, List.of("ZH", "普通话")));
    }

    @Test
    void shouldReportAQuoteThatNeverClosesOnTheLineItOpens() {
        Problems problems = new Problems();

        Optional<CsvFile> file = read("code,name\nA,ok\nB,\"unclosed\nC,x\n".getBytes(StandardCharsets.UTF_8),
                problems);

        assertThat(file).isEmpty();
        assertThat(problems.sorted(List.of())).singleElement().hasToString(
                "test.csv:3: a quoted field starting on this line never ends (a closing double quote is missing)");
    }

    @Test
    void shouldReportAStrayQuoteAndTextAfterAClosingQuote() {
        Problems stray = new Problems();
        Problems after = new Problems();

        read("code\nA\nB\"c\n".getBytes(StandardCharsets.UTF_8), stray);
        read("code\n\"A\"x\n".getBytes(StandardCharsets.UTF_8), after);

        assertThat(stray.sorted(List.of())).singleElement().extracting(ImportProblem::line).isEqualTo(3);
        assertThat(after.sorted(List.of())).singleElement().extracting(ImportProblem::line).isEqualTo(2);
    }

    @Test
    void shouldReportBytesThatAreNotUtf8WithTheirLine() {
        // given GBK-encoded Chinese on line 3, as a spreadsheet saving "CSV" on a Chinese Windows writes it
        byte[] head = "code,name\nA,ok\nB,".getBytes(StandardCharsets.UTF_8);
        byte[] gbk = {(byte) 0xB1, (byte) 0xB1, (byte) 0xBE, (byte) 0xA9};
        byte[] bytes = new byte[head.length + gbk.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(gbk, 0, bytes, head.length, gbk.length);
        Problems problems = new Problems();

        Optional<CsvFile> file = read(bytes, problems);

        assertThat(file).isEmpty();
        assertThat(problems.sorted(List.of())).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.message()).startsWith("is not UTF-8");
        });
    }

    @Test
    void shouldReportAnEmptyFile() {
        Problems problems = new Problems();

        assertThat(read(new byte[0], problems)).isEmpty();
        assertThat(problems.isEmpty()).isFalse();
    }

    private static Optional<CsvFile> read(byte[] bytes, Problems problems) {
        return CsvReader.read("test.csv", bytes, problems);
    }
}
