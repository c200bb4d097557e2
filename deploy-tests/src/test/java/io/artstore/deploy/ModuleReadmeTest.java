package io.artstore.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ModuleReadmeTest {

    private static final String TABLE = """
            ## Endpoint

            | field | default | rule |
            |---|---|---|
            | `file` | required | must be the last part |

            ## Environment variables

            | variable | default | meaning |
            |---|---|---|
            | `IG_PORT` | `8020` | HTTP port |
            | `IG_CLIENT_ID` / `IG_CLIENT_SECRET` | — (required) | its service account |
            | `IG_SE_CA_CERT_PATH` | — (system trust) | CA bundle |
            | `SE_DATA_DIR` | required | data directory |
            | `SE_WAL_DIR` |  | WAL directory |
            | `AM_DB_HOST` | — | database host |
            | `AM_DB_PORT` | `5432` | mentions `AM_DB_HOST` in prose |
            | see `IG_PORT` for details | x | prose, not a variable row |
            """;

    @Test
    void readsVariablesAndTheirDefaults() {
        List<ModuleReadme.EnvVariable> variables = ModuleReadme.environmentVariables(TABLE);
        assertThat(variables).extracting(ModuleReadme.EnvVariable::name).containsExactly(
                "IG_PORT", "IG_CLIENT_ID", "IG_CLIENT_SECRET", "IG_SE_CA_CERT_PATH", "SE_DATA_DIR", "SE_WAL_DIR",
                "AM_DB_HOST", "AM_DB_PORT");
    }

    @Test
    void requiredWhenTheDefaultSaysSoOrIsEmptyOrADash() {
        assertThat(ModuleReadme.requiredVariables(TABLE)).containsExactly(
                "IG_CLIENT_ID", "IG_CLIENT_SECRET", "SE_DATA_DIR", "SE_WAL_DIR", "AM_DB_HOST");
    }

    @Test
    void theIngesterReadmeRequiresItsServiceAccount() {
        String readme = RepoFiles.read(RepoFiles.resolve("ingester-module/README.md"));
        assertThat(ModuleReadme.environmentVariables(readme)).extracting(ModuleReadme.EnvVariable::name)
                .contains("IG_PORT", "IG_ADMIN_URL", "IG_JWKS_URL");
        assertThat(ModuleReadme.requiredVariables(readme)).contains("IG_CLIENT_ID", "IG_CLIENT_SECRET");
    }
}
