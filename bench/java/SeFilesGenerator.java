import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.RetentionPolicy;
import io.artstore.storage.attr.AttrStore;
import io.artstore.storage.attr.FileAttributes;
import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.attr.StorageNames;

/**
 * Writes N files in a storage element's on-disk format (data file + attr.json sidecar) with
 * the SE's own classes: StorageNames builds the data file name, AttrStore serialises the
 * sidecar exactly as the SE writes it. Skips the SE's per-file fsync (the caller runs
 * `sync` once at the end), so 100,000 files take seconds instead of minutes.
 *
 * Run on the SE jar's classpath: java -cp 'BOOT-INF/classes:BOOT-INF/lib/*' SeFilesGenerator.java DATA_DIR WAL_DIR N
 * [MIN_BYTES [TEMPORARY_PERCENT]]: each file's content is padded with seeded random bytes to at
 * least MIN_BYTES (default 0: a one-line text); TEMPORARY_PERCENT of the files are temporary
 * (default 10; in steps of 10).
 */
public class SeFilesGenerator {

    private static final String[] WORDS = {"report", "invoice", "contract", "scan", "photo", "specification",
            "отчёт", "договор", "счёт", "акт", "справка", "протокол", "annual", "quarterly", "годовой", "квартальный"};
    private static final String[] EXTENSIONS = {"pdf", "docx", "xlsx", "jpg", "png", "txt", "zip"};
    private static final String[] TYPES = {"application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "image/jpeg", "image/png",
            "text/plain", "application/zip"};

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Path walDir = Path.of(args[1]);
        int count = Integer.parseInt(args[2]);
        int minBytes = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        int temporaryPercent = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        StorageLayout layout = new StorageLayout(dataDir, walDir);
        AttrStore attrs = new AttrStore(layout);
        Random random = new Random(42);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Instant base = Instant.parse("2025-01-01T00:00:00Z");
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(EXTENSIONS.length);
            String name = WORDS[random.nextInt(WORDS.length)] + "_" + WORDS[random.nextInt(WORDS.length)] + "_"
                    + (2000 + random.nextInt(26)) + "_" + i + "." + EXTENSIONS[kind];
            byte[] line = ("file " + i + " " + name + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] content = java.util.Arrays.copyOf(line, Math.max(line.length, minBytes));
            if (content.length > line.length) {
                byte[] padding = new byte[content.length - line.length];
                random.nextBytes(padding);
                System.arraycopy(padding, 0, content, line.length, padding.length);
            }
            UUID id = new UUID(random.nextLong(), random.nextLong());
            Instant uploadedAt = base.plusSeconds(i * 30L + random.nextInt(30));
            String uploadedBy = "sa_ingester_bench" + (i % 4);
            // nextInt(10) as before, so the default run writes the same files as it always did
            boolean temporary = random.nextInt(10) * 10 < temporaryPercent;
            String storageName = StorageNames.build(name, uploadedBy, uploadedAt, id);
            FileAttributes a = new FileAttributes(id, name, TYPES[kind], content.length,
                    HexFormat.of().formatHex(sha.digest(content)), uploadedBy, uploadedAt,
                    "Generated file " + i + ": " + WORDS[random.nextInt(WORDS.length)] + " "
                            + WORDS[random.nextInt(WORDS.length)],
                    List.of(WORDS[random.nextInt(WORDS.length)], "bench"), FileStatus.ACTIVE,
                    temporary ? RetentionPolicy.TEMPORARY : RetentionPolicy.PERMANENT,
                    temporary ? 365 : null, temporary ? uploadedAt.plusSeconds(365L * 86400) : null, storageName, null, null, null);
            Files.write(layout.dataFile(storageName), content);
            Files.write(layout.attrFile(storageName), attrs.toBytes(a));
        }
        System.out.printf("Generated %d files in %s in %d ms%n", count, dataDir, (System.nanoTime() - started) / 1_000_000);
    }
}
