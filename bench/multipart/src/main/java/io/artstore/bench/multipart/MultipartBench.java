package io.artstore.bench.multipart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import io.artstore.kernel.multipart.MultipartReader;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Parses one in-memory {@code multipart/form-data} body (three small fields and one large
 * file part of random bytes sprinkled with boundary look-alikes) with ArtStore's
 * {@link MultipartReader} and with the streaming APIs of Commons FileUpload 2 and 1.6,
 * reading the file part into a counting sink 64 KiB at a time.
 *
 * <p>Not JMH: JMH runs one benchmark's iterations back to back, and on the shared, loaded
 * development VM the machine changes from minute to minute. Here every round runs every
 * variant once, in an order rotated per round, so that all variants see the same machine;
 * the medians over the rounds and the ratios are compared. Each variant first has to pass a
 * SHA-256 check of every part, then the untimed warm-up rounds let the JIT settle.
 *
 * <p>Arguments: file part size in bytes, warm-up rounds, measured rounds, report file.
 */
public final class MultipartBench {

    private static final int SINK_READ = 64 * 1024;
    /** What Tomcat hands out per read with the services' 64 KiB socket buffers (TomcatBuffersAutoConfiguration). */
    private static final int SOURCE_READ = 64 * 1024;
    private static final String BOUNDARY = "------------------------7d4a6d158c9f3e21b07a";
    private static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("description", "A scanned contract, 1998, with its appendices");
        FIELDS.put("tags", "[\"contract\",\"1998\",\"scan\"]");
        FIELDS.put("retention", "P10Y");
    }

    /** One way of reading the body: returns the bytes of the file part; fields go to {@code fields}. */
    interface Variant {
        long parse(byte[] body, Sink sink, Map<String, String> fields) throws Exception;
    }

    record Named(String name, String parser, String internalBuffer, Variant variant) {
    }

    public static void main(String[] args) throws Exception {
        long fileSize = args.length > 0 ? Long.parseLong(args[0]) : 256L << 20;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        Path report = args.length > 3 ? Path.of(args[3]) : null;

        SplittableRandom random = new SplittableRandom(20261207L);
        byte[] file = randomFileWithLookAlikes((int) fileSize, random);
        byte[] body = body(file);
        String fileSha = sha256(file, 0, file.length);
        System.out.printf(Locale.ROOT, "body: %d bytes, file part %d bytes (sha256 %s), boundary look-alikes every ~%d KiB%n",
                body.length, file.length, fileSha.substring(0, 16), LOOK_ALIKE_EVERY / 1024);

        List<Named> variants = List.of(
                new Named("artstore", "ArtStore MultipartReader / MultipartParser (shared-kernel)", "64 KiB",
                        MultipartBench::artstore),
                new Named("fu2", "Commons FileUpload 2.0.0-M5, JakartaServletFileUpload.getItemIterator", "4 KiB (fixed)",
                        MultipartBench::fileUpload2Iterator),
                new Named("fu2-64k", "Commons FileUpload 2.0.0-M5, MultipartInput with setBufferSize(64 KiB)", "64 KiB",
                        MultipartBench::fileUpload2Input64k),
                new Named("fu1", "Commons FileUpload 1.6.0, FileUpload.getItemIterator (used before)", "4 KiB (fixed)",
                        MultipartBench::fileUpload1Iterator),
                new Named("fu1-64k", "Commons FileUpload 1.6.0, MultipartStream(in, boundary, 64 KiB)", "64 KiB",
                        MultipartBench::fileUpload1Stream64k));

        // Correctness first: every variant must hand out the same fields and the same file bytes.
        for (Named v : variants) {
            Sink sink = new Sink(true);
            Map<String, String> fields = new LinkedHashMap<>();
            long n = v.variant().parse(body, sink, fields);
            String sha = sink.sha256();
            if (n != file.length || !sha.equals(fileSha) || !fields.equals(FIELDS)) {
                throw new IllegalStateException(v.name() + " parsed the body wrongly: " + n + " bytes, sha " + sha
                        + ", fields " + fields);
            }
        }
        System.out.println("all variants return the same fields and file bytes (SHA-256 checked)");

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        variants.forEach(v -> results.put(v.name(), new ArrayList<>()));
        String loadBefore = loadAverage();
        for (int round = 0; round < warmup + rounds; round++) {
            boolean measured = round >= warmup;
            StringBuilder line = new StringBuilder(measured ? "round " + (round - warmup + 1) : "warm-up " + (round + 1));
            for (int k = 0; k < variants.size(); k++) {
                Named v = variants.get((k + round) % variants.size()); // rotated order
                Sink sink = new Sink(false);
                long cpu0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                long n = v.variant().parse(body, sink, new LinkedHashMap<>());
                long wall = System.nanoTime() - t0;
                long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                if (n != file.length) {
                    throw new IllegalStateException(v.name() + " returned " + n + " bytes");
                }
                double mbPerS = body.length / (wall / 1e9) / 1e6;
                double cpuPerGib = cpu / 1e9 * (double) (1L << 30) / body.length;
                line.append(String.format(Locale.ROOT, "  %s %.0f MB/s %.2f cpu-s/GiB", v.name(), mbPerS, cpuPerGib));
                if (measured) {
                    results.get(v.name()).add(new double[] {mbPerS, cpuPerGib});
                }
            }
            System.out.println(line + "  [load " + loadAverage() + "]");
        }
        String loadAfter = loadAverage();

        // Ratios are taken round by round (same machine state), then their median.
        List<double[]> base = results.get("artstore");
        StringBuilder table = new StringBuilder();
        table.append("| variant | parser | internal buffer | MB/s (median) | MB/s (min–max) | CPU s/GiB (median)"
                + " | ArtStore's MB/s ÷ this | this CPU ÷ ArtStore's |\n");
        table.append("|---|---|---|---|---|---|---|---|\n");
        for (Named v : variants) {
            List<double[]> r = results.get(v.name());
            List<double[]> ratios = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                ratios.add(new double[] {base.get(i)[0] / r.get(i)[0], r.get(i)[1] / base.get(i)[1]});
            }
            table.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %.0f | %.0f–%.0f | %.3f | %.2f× | %.2f× |%n",
                    v.name(), v.parser(), v.internalBuffer(), median(r, 0), min(r, 0), max(r, 0), median(r, 1),
                    median(ratios, 0), median(ratios, 1)));
        }
        String summary = String.format(Locale.ROOT,
                "%d measured rounds after %d warm-up rounds, file part %d MiB, body %d bytes; "
                        + "load average before %s, after %s; %s%n%n%s",
                rounds, warmup, file.length >> 20, body.length, loadBefore, loadAfter, Runtime.version(), table);
        System.out.println();
        System.out.print(summary);
        if (report != null) {
            Files.writeString(report, summary);
        }
    }

    // ---------------------------------------------------------------- the variants

    /** The code path of the ingester and the SE: MultipartReader over the servlet request's input stream. */
    private static long artstore(byte[] body, Sink sink, Map<String, String> fields) throws IOException {
        MultipartReader reader = MultipartReader.of(request(body));
        long n = -1;
        for (MultipartReader.Part part; (part = reader.next()) != null; ) {
            if (part.isFile()) {
                try (InputStream in = part.stream()) {
                    n = sink.drain(in);
                }
            } else {
                fields.put(part.name(), part.text());
            }
        }
        return n;
    }

    private static long fileUpload2Iterator(byte[] body, Sink sink, Map<String, String> fields) throws Exception {
        var upload = new org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload<>();
        var items = upload.getItemIterator(request(body));
        long n = -1;
        while (items.hasNext()) {
            var item = items.next();
            try (InputStream in = item.getInputStream()) {
                if (item.isFormField()) {
                    fields.put(item.getFieldName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } else {
                    n = sink.drain(in);
                }
            }
        }
        return n;
    }

    private static long fileUpload2Input64k(byte[] body, Sink sink, Map<String, String> fields) throws Exception {
        var input = org.apache.commons.fileupload2.core.MultipartInput.builder()
                .setInputStream(new BodyStream(body))
                .setBoundary(BOUNDARY.getBytes(StandardCharsets.ISO_8859_1))
                .setBufferSize(64 * 1024)
                .setProgressNotifier(new org.apache.commons.fileupload2.core.MultipartInput.ProgressNotifier(null, body.length))
                .get();
        long n = -1;
        for (boolean more = input.skipPreamble(); more; more = input.readBoundary()) {
            String headers = input.readHeaders();
            try (InputStream in = input.newInputStream()) {
                n = part(headers, in, sink, fields, n);
            }
        }
        return n;
    }

    private static long fileUpload1Iterator(byte[] body, Sink sink, Map<String, String> fields) throws Exception {
        var upload = new org.apache.commons.fileupload.FileUpload();
        var items = upload.getItemIterator(new org.apache.commons.fileupload.UploadContext() {
            @Override
            public long contentLength() {
                return body.length;
            }

            @Override
            public String getCharacterEncoding() {
                return null;
            }

            @Override
            public String getContentType() {
                return contentType();
            }

            @Override
            @Deprecated
            public int getContentLength() {
                return body.length;
            }

            @Override
            public InputStream getInputStream() {
                return new BodyStream(body);
            }
        });
        long n = -1;
        while (items.hasNext()) {
            var item = items.next();
            try (InputStream in = item.openStream()) {
                if (item.isFormField()) {
                    fields.put(item.getFieldName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } else {
                    n = sink.drain(in);
                }
            }
        }
        return n;
    }

    @SuppressWarnings("deprecation")
    private static long fileUpload1Stream64k(byte[] body, Sink sink, Map<String, String> fields) throws Exception {
        var input = new org.apache.commons.fileupload.MultipartStream(new BodyStream(body),
                BOUNDARY.getBytes(StandardCharsets.ISO_8859_1), 64 * 1024);
        long n = -1;
        for (boolean more = input.skipPreamble(); more; more = input.readBoundary()) {
            String headers = input.readHeaders();
            var out = new SinkOutputStream(sink, fields, headers);
            input.readBodyData(out);
            n = out.finish(n);
        }
        return n;
    }

    /** The low-level APIs hand out raw headers: a part with a file name is the file, the others are fields. */
    private static long part(String headers, InputStream in, Sink sink, Map<String, String> fields, long n)
            throws IOException {
        if (headers.contains("filename=")) {
            return sink.drain(in);
        }
        fields.put(fieldName(headers), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        return n;
    }

    private static String fieldName(String headers) {
        int at = headers.indexOf("name=\"") + 6;
        return headers.substring(at, headers.indexOf('"', at));
    }

    // ---------------------------------------------------------------- body, source, sink

    private static final int LOOK_ALIKE_EVERY = 64 * 1024;

    /**
     * Random bytes with, on average every 64 KiB, a CRLF and a prefix of the delimiter
     * ({@code --} plus all but at least one byte of the boundary), or the whole delimiter with
     * its last byte changed: the cases where a delimiter search has to look closer.
     */
    private static byte[] randomFileWithLookAlikes(int size, SplittableRandom random) {
        byte[] file = new byte[size];
        random.nextBytes(file);
        byte[] delimiter = ("\r\n--" + BOUNDARY).getBytes(StandardCharsets.ISO_8859_1);
        for (int at = random.nextInt(LOOK_ALIKE_EVERY * 2); at + delimiter.length < size;
                at += 1 + random.nextInt(LOOK_ALIKE_EVERY * 2)) {
            int length = random.nextInt(2, delimiter.length + 1);
            System.arraycopy(delimiter, 0, file, at, length);
            if (length == delimiter.length) {
                file[at + length - 1] ^= 0x01;
            }
        }
        return file;
    }

    private static byte[] body(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + 4096);
        FIELDS.forEach((name, value) -> out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    /** A servlet request that only has what multipart parsing asks for (POST, content type, length, body). */
    private static HttpServletRequest request(byte[] body) {
        BodyStream stream = new BodyStream(body);
        return (HttpServletRequest) Proxy.newProxyInstance(MultipartBench.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getContentType" -> contentType();
                    case "getInputStream" -> stream;
                    case "getMethod" -> "POST";
                    case "getContentLengthLong" -> (long) body.length;
                    case "getContentLength" -> body.length;
                    case "getCharacterEncoding" -> null;
                    case "getHeader" -> "content-length".equalsIgnoreCase((String) args[0])
                            ? Integer.toString(body.length) : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The request body from memory, at most 64 KiB per read as Tomcat's 64 KiB read buffer hands it out. */
    static final class BodyStream extends ServletInputStream {
        private final byte[] body;
        private int position;

        BodyStream(byte[] body) {
            this.body = body;
        }

        @Override
        public int read() {
            return position < body.length ? body[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (position >= body.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, SOURCE_READ), body.length - position);
            System.arraycopy(body, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return Math.min(SOURCE_READ, body.length - position);
        }

        @Override
        public boolean isFinished() {
            return position >= body.length;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }

    /** Reads a part 64 KiB at a time and counts (optionally hashes) the bytes, as the SE's writer would take them. */
    static final class Sink {
        private final byte[] buffer = new byte[SINK_READ];
        private final MessageDigest digest;
        private long checksum;

        Sink(boolean hash) throws Exception {
            digest = hash ? MessageDigest.getInstance("SHA-256") : null;
        }

        long drain(InputStream in) throws IOException {
            long total = 0;
            for (int n; (n = in.read(buffer, 0, SINK_READ)) >= 0; ) {
                accept(buffer, 0, n);
                total += n;
            }
            return total;
        }

        void accept(byte[] b, int off, int n) {
            if (digest != null) {
                digest.update(b, off, n);
            } else if (n > 0) {
                checksum += b[off] + b[off + n - 1]; // touch the data so nothing can be elided
            }
        }

        String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /** FileUpload 1's MultipartStream writes a part into an OutputStream (its own buffer, up to 64 KiB per write). */
    static final class SinkOutputStream extends java.io.OutputStream {
        private final Sink sink;
        private final Map<String, String> fields;
        private final String headers;
        private final boolean file;
        private final ByteArrayOutputStream field = new ByteArrayOutputStream();
        private long count;

        SinkOutputStream(Sink sink, Map<String, String> fields, String headers) {
            this.sink = sink;
            this.fields = fields;
            this.headers = headers;
            this.file = headers.contains("filename=");
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (file) {
                sink.accept(b, off, len);
                count += len;
            } else {
                field.write(b, off, len);
            }
        }

        long finish(long n) {
            if (file) {
                return count;
            }
            fields.put(fieldName(headers), field.toString(StandardCharsets.UTF_8));
            return n;
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String sha256(byte[] data, int off, int len) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(data, off, len);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return String.join(" ", Arrays.copyOf(parts, 3));
        } catch (IOException ex) {
            return "n/a";
        }
    }

    private static double median(List<double[]> rows, int column) {
        double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static double min(List<double[]> rows, int column) {
        return rows.stream().mapToDouble(r -> r[column]).min().orElseThrow();
    }

    private static double max(List<double[]> rows, int column) {
        return rows.stream().mapToDouble(r -> r[column]).max().orElseThrow();
    }

    private MultipartBench() {
    }
}
