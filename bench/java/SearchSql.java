import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * For every search case (lines "mode TAB filters TAB request-json"), writes the SQL that
 * query-module runs for that request, as a pgbench script: the first statement (the bounded count
 * and, when the matches are few, the page itself), then - only when the count went above the
 * limit - the SELECT of the page (as SearchRepository does), built by query-module's own
 * SearchStatement (called by reflection: it is package-private) with the bind parameters inlined
 * as literals.
 *
 * Run on the query-module jar's classpath:
 *   java -cp 'BOOT-INF/classes:BOOT-INF/lib/*' SearchSql.java CASES OUT_DIR [TOTAL_LIMIT]
 * Writes OUT_DIR/<line number>.sql.
 */
public class SearchSql {

    private static final Pattern PARAM = Pattern.compile("(?<!:):([a-z_]+)");


    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        Path out = Path.of(args[1]);
        // query-module's QM_SEARCH_TOTAL_LIMIT (its default unless the run sets it)
        int totalLimit = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        Files.createDirectories(out);
        JsonMapper json = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        Class<?> requestType = Class.forName("io.artstore.query.search.SearchRequest");
        Class<?> statementType = Class.forName("io.artstore.query.search.SearchStatement");
        Method of = statementType.getDeclaredMethod("of", requestType, int.class);
        Method select = statementType.getDeclaredMethod("selectSql");
        Method first = statementType.getDeclaredMethod("firstSql");
        Method countLimit = statementType.getDeclaredMethod("countLimit");
        Method parameters = statementType.getDeclaredMethod("parameters");
        for (Method m : List.of(of, select, first, countLimit, parameters)) {
            m.setAccessible(true);
        }
        for (int i = 0; i < lines.size(); i++) {
            String body = lines.get(i).split("\t", 3)[2];
            Object statement = of.invoke(null, json.readValue(body, requestType), totalLimit);
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) parameters.invoke(statement);
            // like SearchRepository: the first statement, then the page when there were many matches
            // (\aset keeps the last row's columns; "matches" is the same in every row)
            String script = inline((String) first.invoke(statement), params) + " \\aset\n"
                    + "\\if :matches > " + countLimit.invoke(statement) + "\n"
                    + inline((String) select.invoke(statement), params) + ";\n"
                    + "\\endif\n";
            Files.writeString(out.resolve(i + ".sql"), script, StandardCharsets.UTF_8);
        }
    }

    private static String inline(String sql, Map<String, Object> params) {
        Matcher m = PARAM.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (!params.containsKey(m.group(1))) {
                throw new IllegalStateException("No value for :" + m.group(1) + " in " + sql);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(literal(params.get(m.group(1)))));
        }
        m.appendTail(out);
        // pgbench scripts: one statement may span lines, but must not contain blank lines
        return out.toString();
    }

    private static String literal(Object value) {
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof OffsetDateTime time) {
            return "'" + time + "'::timestamptz";
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(SearchSql::literal).collect(Collectors.joining(", "));
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }
}
