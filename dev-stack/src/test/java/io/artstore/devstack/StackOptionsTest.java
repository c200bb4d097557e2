package io.artstore.devstack;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stack's ports from flags, environment and defaults, and the three storage elements they give. */
class StackOptionsTest {

    @Test
    void threeStorageElementPortsByDefault() {
        StackOptions options = StackOptions.parse(new String[0], Map.of());

        assertThat(options.seEditPort()).isEqualTo(8010);
        assertThat(options.seRwPort()).isEqualTo(8011);
        assertThat(options.seRwBPort()).isEqualTo(8012);
    }

    @Test
    void theSecondRwPortComesFromItsFlagOrItsVariable() {
        assertThat(StackOptions.parse(new String[] {"--se-rw-b-port", "9012"}, Map.of()).seRwBPort()).isEqualTo(9012);
        assertThat(StackOptions.parse(new String[0], Map.of("ARTSTORE_SE_RW_B_PORT", "9112")).seRwBPort()).isEqualTo(9112);
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"--se-rw-b-port", "x"}, Map.of()))
                .hasMessageContaining("--se-rw-b-port must be a port number");
    }
}
