package io.artstore.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL to list the metric names an expression reads: strings, label matchers,
 * range selectors, grouping clauses, functions, keywords and numbers are left out. Used to
 * check dashboards and alert rules against what the services export.
 */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of(
            "and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "offset", "atan2", "inf", "nan", "start", "end");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

    private PromQl() {
    }

    static Set<String> metricNames(String expression) {
        String expr = STRING.matcher(expression).replaceAll(" ");
        expr = MATCHERS.matcher(expr).replaceAll(" ");
        expr = RANGE.matcher(expr).replaceAll(" ");
        expr = GROUPING.matcher(expr).replaceAll(" ");
        // Grafana variables such as $__rate_interval or ${datasource}
        expr = expr.replaceAll("\\$\\{?\\w+}?", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(expr);
        while (m.find()) {
            String name = m.group(1);
            boolean function = m.group(2) != null;
            if (function || KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            names.add(name);
        }
        return names;
    }
}
