package io.artstore.testsupport.arch.stylefixture.converted;

import org.springframework.stereotype.Controller;

/** A controller (meta-annotated with @Component, found by scanning): allowed. */
@Controller
public class FeatureController {
}
