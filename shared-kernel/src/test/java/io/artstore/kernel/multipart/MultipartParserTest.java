package io.artstore.kernel.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MultipartParserTest {

    private static final String BOUNDARY = "artstore-4f9c2b7e";

    @Test
    void partsComeOutExactlyWhateverTheReadSizes() throws IOException {
        byte[] file = new byte[1_000_003];
        new Random(7).nextBytes(file);
        // delimiter look-alikes inside the data, also across the parser's buffer edges
        byte[] lookAlike = ("\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1) + "X").getBytes(StandardCharsets.US_ASCII);
        for (int at : new int[] {0, 65_530, 65_536 - 5, 131_070, file.length - lookAlike.length}) {
            System.arraycopy(lookAlike, 0, file, at, lookAlike.length);
        }
        byte[] body = body("preamble\r\n", List.of(
                new Field("Content-Disposition: form-data; name=\"description\"", "hello \u00e9".getBytes(StandardCharsets.UTF_8)),
                new Field("Content-Disposition: form-data; name=\"empty\"", new byte[0]),
                new Field("Content-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\nContent-Type: application/x-test",
                        file)), "\r\nepilogue");
        for (int slice : new int[] {1, 7, 4096, 100_000, Integer.MAX_VALUE}) {
            MultipartParser parser = new MultipartParser(new Slicing(body, slice), BOUNDARY.getBytes(StandardCharsets.US_ASCII), 16 * 1024);

            Map<String, String> first = parser.next();
            assertThat(first).containsEntry("content-disposition", "form-data; name=\"description\"");
            assertThat(new String(parser.stream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello \u00e9");
            assertThat(parser.next()).containsEntry("content-disposition", "form-data; name=\"empty\"");
            assertThat(parser.stream().readAllBytes()).isEmpty();
            Map<String, String> third = parser.next();
            assertThat(third).containsEntry("content-type", "application/x-test");
            assertThat(readInChunks(parser.stream(), 3 + slice % 1000)).as("slice %d", slice).isEqualTo(file);
            assertThat(parser.next()).isNull();
            assertThat(parser.next()).isNull();
        }
    }

    @Test
    void unreadRestOfAPartIsSkipped() throws IOException {
        byte[] body = body("", List.of(new Field("Content-Disposition: form-data; name=\"a\"", new byte[200_000]),
                new Field("Content-Disposition: form-data; name=\"b\"", "B".getBytes(StandardCharsets.US_ASCII))), "");
        MultipartParser parser = new MultipartParser(new ByteArrayInputStream(body), BOUNDARY.getBytes(StandardCharsets.US_ASCII), 1024);

        parser.next();
        assertThat(parser.stream().read()).isZero();
        assertThat(parser.next()).containsEntry("content-disposition", "form-data; name=\"b\"");
        assertThat(parser.stream().readAllBytes()).containsExactly('B');
        assertThat(parser.next()).isNull();
    }

    @Test
    void bodyWithoutAnyDelimiterHasNoParts() throws IOException {
        MultipartParser parser = parser("just some bytes");

        assertThat(parser.next()).isNull();
    }

    @Test
    void truncatedBodyIsAnIoFailure() throws IOException {
        MultipartParser parser = parser("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x\"\r\n\r\nabc");

        parser.next();
        assertThatThrownBy(() -> parser.stream().readAllBytes()).isInstanceOf(MultipartParser.MalformedMultipartException.class);
    }

    @Test
    void garbageAfterABoundaryAndOversizedHeadersAreFormatErrors() {
        assertThatThrownBy(() -> parser("--" + BOUNDARY + "xx\r\n\r\n").next())
                .isInstanceOf(MultipartParser.MultipartFormatException.class);
        assertThatThrownBy(() -> parser("--" + BOUNDARY + "\r\nX-Long: " + "y".repeat(2000) + "\r\n\r\ndata\r\n--" + BOUNDARY + "--").next())
                .isInstanceOf(MultipartParser.MultipartFormatException.class);
    }

    @Test
    void foldedAndRepeatedHeaders() throws IOException {
        MultipartParser parser = parser("--" + BOUNDARY + "\r\nContent-Disposition: form-data;\r\n\tname=\"x\"\r\nCONTENT-TYPE: text/plain\r\n"
                + "content-type: ignored\r\n\r\nv\r\n--" + BOUNDARY + "--\r\n");

        assertThat(parser.next()).containsEntry("content-disposition", "form-data; name=\"x\"")
                .containsEntry("content-type", "text/plain");
    }

    private static MultipartParser parser(String body) {
        return new MultipartParser(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                BOUNDARY.getBytes(StandardCharsets.US_ASCII), 1024);
    }

    private static byte[] readInChunks(InputStream in, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[chunk];
        for (int n; (n = in.read(buffer, 0, buffer.length)) >= 0; ) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private record Field(String headers, byte[] content) {
    }

    private static byte[] body(String preamble, List<Field> fields, String epilogue) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(preamble.getBytes(StandardCharsets.US_ASCII));
        for (Field field : fields) {
            out.writeBytes(("--" + BOUNDARY + "\r\n" + field.headers() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(field.content());
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + BOUNDARY + "--").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(epilogue.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Returns at most {@code slice} bytes per read, like a socket. */
    private static final class Slicing extends FilterInputStream {
        private final int slice;

        Slicing(byte[] content, int slice) {
            super(new ByteArrayInputStream(content));
            this.slice = slice;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, slice));
        }
    }
}
