package io.artstore.kernel.contract;

import java.util.List;

import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every contract word is written and read as its lower-case value, by any Jackson mapper. */
class ContractValueJsonTest {

    record Body(StorageMode mode, FileStatus status, CopyStatus copyStatus, RetentionPolicy retentionPolicy,
                StorageElementStatus seStatus, List<StorageOperation> allowed) {
    }

    private final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    @Test
    void writesAndReadsTheLowerCaseValues() {
        Body body = new Body(StorageMode.RW, FileStatus.EXPIRED, CopyStatus.CORRUPT, RetentionPolicy.PERMANENT,
                StorageElementStatus.MAINTENANCE, List.of(StorageOperation.DOWNLOAD, StorageOperation.LIST));
        String text = json.writeValueAsString(body);
        assertThat(text).isEqualTo("{\"mode\":\"rw\",\"status\":\"expired\",\"copy_status\":\"corrupt\","
                + "\"retention_policy\":\"permanent\",\"se_status\":\"maintenance\",\"allowed\":[\"download\",\"list\"]}");
        assertThat(json.readValue(text, Body.class)).isEqualTo(body);
    }

    @Test
    void readingTakesExactlyTheContractWords() {
        assertThat(json.readValue("\"missing\"", CopyStatus.class)).isEqualTo(CopyStatus.MISSING);
        assertThatThrownBy(() -> json.readValue("\"archive\"", StorageMode.class))
                .isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> json.readValue("\"RO\"", StorageMode.class))
                .isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void parsingTextIgnoresCaseAndBlanks() {
        assertThat(StorageMode.parse(" RO ")).contains(StorageMode.RO);
        assertThat(CopyStatus.parse("Corrupt")).contains(CopyStatus.CORRUPT);
        assertThat(FileStatus.parse("gone")).isEmpty();
    }

    @Test
    void requireNamesTheFieldAndTheAllowedValues() {
        assertThat(ContractValues.require(CopyStatus.class, "status", " OK ")).isEqualTo(CopyStatus.OK);
        assertThatThrownBy(() -> ContractValues.require(CopyStatus.class, "status", "fine"))
                .isInstanceOfSatisfying(ApiException.class, ex -> {
                    assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(ex.getMessage())
                            .isEqualTo("status: must be one of 'ok', 'pending', 'missing', 'corrupt'");
                });
    }
}
