package io.careloop.web.privacy;

import io.careloop.engine.testing.TestDatabases;

class ErasureOnPostgresTest extends ErasureTest {
    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.POSTGRES;
    }
}
