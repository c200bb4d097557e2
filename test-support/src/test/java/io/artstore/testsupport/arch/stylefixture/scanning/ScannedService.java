package io.artstore.testsupport.arch.stylefixture.scanning;

import org.springframework.stereotype.Service;

/** A bean found by scanning: what the rule must catch. */
@Service
public class ScannedService {
}
