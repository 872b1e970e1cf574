package io.careloop.web.privacy;

import io.careloop.engine.testing.TestDatabases;

class RetentionOnPostgresTest extends RetentionTest {
    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.POSTGRES;
    }
}
