package io.artstore.testsupport.arch.stylefixture.scanning;

import org.springframework.stereotype.Component;

/** A bean found by scanning: what the rule must catch. */
@Component
public class ScannedComponent {
}
