package io.artstore.testsupport.arch.stylefixture.converted;

/** A bean class without annotations, declared by {@link FeatureConfiguration}: allowed. */
public class PlainBean {
}
