package io.artstore.ui.browser;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The contrast arithmetic of the browser tests against known WCAG values. */
class ContrastTest {

    @Test
    void computesWcagRatios() {
        double[] white = {1, 1, 1};
        double[] black = {0, 0, 0};
        assertThat(Contrast.ratio(white, black)).isCloseTo(21, within(1e-9));
        assertThat(Contrast.ratio(white, white)).isCloseTo(1, within(1e-9));
        // the unreadable language marker of issue 23: white on #e3ecf7
        assertThat(Contrast.ratio(white, rgb(Contrast.parse("rgb(227, 236, 247)")))).isCloseTo(1.19, within(0.01));
        // #767676 on white is the classic 4.54:1
        assertThat(Contrast.ratio(rgb(Contrast.parse("rgb(118, 118, 118)")), white)).isCloseTo(4.54, within(0.01));
        assertThat(Contrast.parse("rgba(255, 255, 255, 0.2)")[3]).isEqualTo(0.2);
    }

    private static double[] rgb(double[] rgba) {
        return new double[] {rgba[0], rgba[1], rgba[2]};
    }
}
