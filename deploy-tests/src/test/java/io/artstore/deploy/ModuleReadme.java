package io.artstore.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment-variable table of a module README: rows such as
 * {@code | `IG_PORT` | `8020` | HTTP port |} or {@code | `IG_CLIENT_ID` / `IG_CLIENT_SECRET` | — (required) | ... |}.
 * A variable is required when its default column says "required" or is empty / a dash.
 */
final class ModuleReadme {

    /** An upper-case name with at least one underscore, e.g. {@code SE_DATA_DIR}. */
    private static final Pattern VARIABLE = Pattern.compile("`([A-Z][A-Z0-9]*_[A-Z0-9_]+)`");

    record EnvVariable(String name, String defaultValue, boolean required) {
    }

    private ModuleReadme() {
    }

    static List<EnvVariable> environmentVariables(String markdown) {
        List<EnvVariable> variables = new ArrayList<>();
        for (String line : markdown.lines().toList()) {
            String row = line.strip();
            if (!row.startsWith("|") || row.matches("\\|[\\s:|-]+\\|?")) {
                continue;
            }
            String[] cells = row.substring(1).split("\\|", -1);
            if (cells.length < 2) {
                continue;
            }
            List<String> names = new ArrayList<>();
            Matcher m = VARIABLE.matcher(cells[0]);
            while (m.find()) {
                names.add(m.group(1));
            }
            // the first cell must consist of variable names only (not prose mentioning one)
            if (names.isEmpty() || !cells[0].replaceAll(VARIABLE.pattern(), "").replaceAll("[\\s/,]", "").isEmpty()) {
                continue;
            }
            String defaultValue = cells[1].strip();
            boolean required = isRequired(defaultValue);
            for (String name : names) {
                variables.add(new EnvVariable(name, defaultValue, required));
            }
        }
        return variables;
    }

    static List<String> requiredVariables(String markdown) {
        return environmentVariables(markdown).stream().filter(EnvVariable::required).map(EnvVariable::name).toList();
    }

    private static boolean isRequired(String defaultCell) {
        String cell = defaultCell.replace("`", "").strip();
        return cell.isEmpty() || cell.equals("—") || cell.equals("-") || cell.equals("–")
                || cell.toLowerCase(Locale.ROOT).contains("required");
    }
}
