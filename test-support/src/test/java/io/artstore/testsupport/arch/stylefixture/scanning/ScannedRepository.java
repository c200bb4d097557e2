package io.artstore.testsupport.arch.stylefixture.scanning;

import org.springframework.stereotype.Repository;

/** A bean found by scanning: what the rule must catch. */
@Repository
public class ScannedRepository {
}
