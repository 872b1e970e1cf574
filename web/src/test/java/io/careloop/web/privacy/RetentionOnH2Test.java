package io.careloop.web.privacy;

import io.careloop.engine.testing.TestDatabases;

class RetentionOnH2Test extends RetentionTest {
    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.H2;
    }
}
