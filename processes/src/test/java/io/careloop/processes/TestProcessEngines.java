package io.careloop.processes;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;

/** Builds the in-memory engine the process tests run on, the same way for every test class. */
final class TestProcessEngines {

  private TestProcessEngines() {}

  /**
   * An engine on its own H2 in-memory database named after the test class, with full history,
   * no job executor (tests execute jobs themselves) and the given beans for expressions.
   */
  static ProcessEngine build(Class<?> testClass, Map<Object, Object> beans) {
    return configuration(testClass, beans).buildProcessEngine();
  }

  /** The same, not built yet: for ProcessEngineCoverageExtension, which builds it with its coverage listeners. */
  static StandaloneInMemProcessEngineConfiguration configuration(Class<?> testClass, Map<Object, Object> beans) {
    String name = testClass.getSimpleName();
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    configuration.setDatabaseSchemaUpdate("create-drop");
    configuration.setBeans(beans);
    configuration.setHistory("full");
    configuration.setJobExecutorActivate(false);
    // the parse and history listeners that record which flow nodes and sequence flows ran
    ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
    return configuration;
  }
}
