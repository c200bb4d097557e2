package io.artstore.kernel.error;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorCodeTest {

    @Test
    void bareStatusesMapToTheirCodes() {
        assertThat(ErrorCode.forStatus(413)).isEqualTo(ErrorCode.FILE_TOO_LARGE);
        assertThat(ErrorCode.forStatus(416)).isEqualTo(ErrorCode.RANGE_NOT_SATISFIABLE);
        assertThat(ErrorCode.forStatus(418)).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(ErrorCode.forStatus(599)).isEqualTo(ErrorCode.INTERNAL_ERROR);
    }

    @Test
    void everyCodeIsUpperSnakeCase() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(code.name()).matches("[A-Z]+(_[A-Z]+)*");
            assertThat(code.status().isError()).isTrue();
        }
    }
}
