package io.careloop.web.privacy;

import io.careloop.engine.testing.TestDatabases;

class ErasureOnH2Test extends ErasureTest {
    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.H2;
    }
}
