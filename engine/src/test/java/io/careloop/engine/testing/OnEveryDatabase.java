package io.careloop.engine.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A test that runs once on each database CareLoop supports (H2 and PostgreSQL); the test method
 * takes the {@link TestDatabases.Kind} and asks {@link CareLoops} for the CareLoop on it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "on {0}")
@EnumSource(TestDatabases.Kind.class)
public @interface OnEveryDatabase {
}
