package io.artstore.storage.files;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ByteRangeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL|100|FULL|0|99",
            "''|100|FULL|0|99",
            "bytes=0-9|100|PARTIAL|0|9",
            "bytes=10-|100|PARTIAL|10|99",
            "bytes=-10|100|PARTIAL|90|99",
            "bytes=-1000|100|PARTIAL|0|99",
            "bytes=90-1000|100|PARTIAL|90|99",
            "bytes=99-99|100|PARTIAL|99|99",
            " Bytes = 5 - 6 |100|PARTIAL|5|6",
            "bytes=0-99999999999999999999999|100|PARTIAL|0|99",
            "bytes=100-|100|UNSATISFIABLE|0|-1",
            "bytes=100-200|100|UNSATISFIABLE|0|-1",
            "bytes=-0|100|UNSATISFIABLE|0|-1",
            "bytes=0-|0|UNSATISFIABLE|0|-1",
            "bytes=-5|0|UNSATISFIABLE|0|-1",
            "bytes=99999999999999999999-|100|UNSATISFIABLE|0|-1",
            "bytes=abc|100|INVALID|0|-1",
            "bytes=5-1|100|INVALID|0|-1",
            "bytes=-|100|INVALID|0|-1",
            "bytes=1-2-3|100|INVALID|0|-1",
            "bytes=+1-2|100|INVALID|0|-1",
            "bytes|100|INVALID|0|-1",
            "bytes=0-1,x|100|INVALID|0|-1",
            "bytes=0-1,5-6|100|FULL|0|99",
            "items=0-5|100|FULL|0|99"})
    void parses(String header, long size, ByteRange.Kind kind, long start, long end) {
        ByteRange range = ByteRange.parse(header, size);
        assertThat(range.kind()).isEqualTo(kind);
        assertThat(range.start()).isEqualTo(start);
        assertThat(range.end()).isEqualTo(end);
    }
}
