package io.artstore.query.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * A deterministic registry of a few thousand varied files (English and Russian names,
 * descriptions and tags, every status and retention policy, sizes and dates spread out) plus
 * hand-made fixtures for full-text, sorting and injection checks. The same seed always gives
 * the same rows, so tests compute expected answers from {@link #files()} itself.
 */
public final class SampleCatalog {

    public static final int GENERATED = 3000;
    public static final UUID STORAGE_ELEMENT = UUID.fromString("00000000-0000-4000-8000-00000000c0de");

    /** File names whose characters mean something to LIKE or SQL. */
    public static final List<String> TRICKY_NAMES = List.of(
            "100%_done.txt", "under_score.txt", "underXscore.txt", "O'Brien's notes.txt", "back\\slash.txt",
            "drop;--table.txt", "50% off'; DROP TABLE files;--.txt");

    private static final String[] EN_NAMES = {"annual_summary", "invoice", "contract", "presentation", "logo_draft",
            "meeting_notes", "budget", "photo", "scan", "backup"};
    private static final String[] RU_NAMES = {"годовой_итог", "счёт", "договор", "презентация", "логотип",
            "протокол_совещания", "бюджет", "фото", "скан", "резервная_копия"};
    private static final String[] EXTENSIONS = {"pdf", "docx", "xlsx", "jpg", "png", "txt", "zip"};
    private static final String[] EN_DESCRIPTIONS = {"Quarterly summary of the department", "Draft of the client presentation",
            "Scan of the signed contract", "Photos from the company event", "Database backup archive", null};
    private static final String[] RU_DESCRIPTIONS = {"Квартальная сводка отдела", "Черновик презентации для клиента",
            "Скан подписанного договора", "Фотографии с корпоративного мероприятия", "Архив резервной копии базы", null};
    private static final String[] TAGS = {"finance", "legal", "draft", "final", "archive", "hr", "marketing", "финансы",
            "юридический", "черновик", "архив"};
    private static final String[] UPLOADERS = {"sa_ingester_alpha", "sa_ingester_beta", "sa_scanner", "sa_migration",
            "sa_partner_ru"};
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant FIXTURES_AT = Instant.parse("2026-01-15T10:00:00Z");

    private final List<RegistryFile> files;

    private SampleCatalog(List<RegistryFile> files) {
        this.files = List.copyOf(files);
    }

    public static SampleCatalog create() {
        Random random = new Random(20261123L);
        List<RegistryFile> files = new ArrayList<>();
        for (int i = 0; i < GENERATED; i++) {
            boolean russian = random.nextBoolean();
            String base = (russian ? RU_NAMES : EN_NAMES)[random.nextInt(EN_NAMES.length)];
            String extension = EXTENSIONS[random.nextInt(EXTENSIONS.length)];
            if (i % 10 == 0) {
                extension = extension.toUpperCase(Locale.ROOT);
            }
            String description = (russian ? RU_DESCRIPTIONS : EN_DESCRIPTIONS)[random.nextInt(EN_DESCRIPTIONS.length)];
            List<String> tags = new ArrayList<>();
            int tagCount = random.nextInt(4);
            while (tags.size() < tagCount) {
                String tag = TAGS[random.nextInt(TAGS.length)];
                if (!tags.contains(tag)) {
                    tags.add(tag);
                }
            }
            double roll = random.nextDouble();
            String status = roll < 0.8 ? "active" : roll < 0.9 ? "expired" : "deleted";
            boolean temporary = random.nextBoolean();
            Instant uploaded = START.plus(Duration.ofHours(i)).plusSeconds(random.nextInt(3600));
            files.add(new RegistryFile(new UUID(random.nextLong(), random.nextLong()), base + "_" + i + "." + extension,
                    contentType(extension), random.nextLong(50_000_000L), checksum(random), STORAGE_ELEMENT,
                    UPLOADERS[random.nextInt(UPLOADERS.length)], uploaded, description, List.copyOf(tags), status,
                    temporary ? "temporary" : "permanent", temporary ? 30 : null,
                    temporary ? uploaded.plus(Duration.ofDays(30)) : null));
        }
        int minute = 0;
        for (String name : TRICKY_NAMES) {
            files.add(fixture(random, name, null, List.of("tricky"), minute++));
        }
        files.add(fixture(random, "Bridges_inspection.pdf", null, List.of(), minute++));
        files.add(fixture(random, "scan_0001.pdf", "Inspection of railway bridges in the north", List.of(), minute++));
        files.add(fixture(random, "img_0042.png", null, List.of("bridges"), minute++));
        files.add(fixture(random, "Мосты_обследование.docx", null, List.of(), minute++));
        files.add(fixture(random, "протокол_17.docx", "Отчёт об обследовании мостов через реку", List.of(), minute++));
        files.add(fixture(random, "expense_report.pdf", "Travel costs", List.of(), minute++));
        files.add(fixture(random, "notes.txt", "Monthly reports of travel costs", List.of(), minute++));
        files.add(fixture(random, "Документ_о_приёмке.pdf", "Приёмка работ", List.of(), minute++));
        files.add(fixture(random, "акт_сверки.pdf", "Подписанные документы по сверке", List.of(), minute++));
        files.add(fixture(random, "alpha.txt", null, List.of("sortcheck"), minute++).withContent("text/plain", 300, "a".repeat(64)));
        files.add(fixture(random, "Bravo.txt", null, List.of("sortcheck"), minute++).withContent("text/plain", 100, "b".repeat(64)));
        files.add(fixture(random, "charlie.txt", null, List.of("sortcheck"), minute++).withContent("text/plain", 200, "c".repeat(64)));
        return new SampleCatalog(files);
    }

    public List<RegistryFile> files() {
        return files;
    }

    public RegistryFile named(String filename) {
        return files.stream().filter(f -> f.originalFilename().equals(filename)).findFirst().orElseThrow();
    }

    private static RegistryFile fixture(Random random, String name, String description, List<String> tags, int minute) {
        return new RegistryFile(new UUID(random.nextLong(), random.nextLong()), name, "application/octet-stream",
                1000 + minute, checksum(random), STORAGE_ELEMENT, "sa_fixture", FIXTURES_AT.plusSeconds(60L * minute),
                description, tags, "active", "permanent", null, null);
    }

    private static String contentType(String extension) {
        return switch (extension.toLowerCase(Locale.ROOT)) {
            case "pdf" -> "application/pdf";
            case "jpg" -> "image/jpeg";
            case "png" -> "image/png";
            case "txt" -> "text/plain";
            case "zip" -> "application/zip";
            default -> "application/octet-stream";
        };
    }

    private static String checksum(Random random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
