package io.careloop.engine.process;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine (feel-scala) with its parsed expressions kept. The stock engine parses the
 * text of every input entry, input expression and output entry again on every evaluation: for a
 * decision table that is most of the evaluation's cost, and one intake evaluates up to three tables.
 * A parsed FEEL expression is an immutable syntax tree that depends on the text alone, so it is kept
 * per text and evaluated exactly as the stock engine evaluates it (same variables, same errors).
 * Text that does not parse is not kept: it goes to the stock engine, which reports it as before;
 * a failed evaluation throws the stock engine's exception with its message.
 */
final class CachedFeelEngine extends ScalaFeelEngine {

    /**
     * Texts kept before the cache starts over. The deployed decisions hold a few hundred; the bound
     * only matters if decisions are redeployed with new texts for a very long time.
     */
    static final int MAX_CACHED = 10_000;

    private final ConcurrentHashMap<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

    CachedFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
        super(functionProviders);
    }

    /** The factory to give the DMN engine configuration; {@code functionProviders} as Camunda's own takes them. */
    static FeelEngineFactory factory(List<FeelCustomFunctionProvider> functionProviders) {
        return () -> new CachedFeelEngine(functionProviders);
    }

    @Override
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
        ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
        if (parsed == null) {
            return super.evaluateSimpleExpression(expression, variableContext);
        }
        ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
        Either<?, Object> result = feelEngine.eval(parsed, context(variables));
        @SuppressWarnings("unchecked")
        T value = (T) valueOf(result);
        return value;
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
        ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
        if (parsed == null) {
            return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
        }
        // the same variables as the stock engine: the name of the input ("?") and the decision's variables
        StaticVariableProvider input = new StaticVariableProvider(new Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
        ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
        Either<?, Object> result = feelEngine.eval(parsed, context(new CompositeVariableProvider(toScalaList(input, variables))));
        return BoxesRunTime.unboxToBoolean(valueOf(result));
    }

    /** The value, or the failure as the stock engine reports it (same exception, same message). */
    private static Object valueOf(Either<?, Object> result) {
        if (result instanceof Right) {
            return ((Right<?, Object>) result).value();
        }
        Failure failure = (Failure) ((Left<?, ?>) result).value();
        throw LOGGER.evaluationException(failure.message());
    }

    private static ParsedExpression parsed(ConcurrentHashMap<String, ParsedExpression> cache, String text,
                                           Function<String, Either<?, ParsedExpression>> parser) {
        ParsedExpression parsed = cache.get(text);
        if (parsed != null) {
            return parsed;
        }
        Either<?, ParsedExpression> result = parser.apply(text);
        if (!(result instanceof Right)) {
            return null;
        }
        parsed = ((Right<?, ParsedExpression>) result).value();
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(text, parsed);
        return parsed;
    }

    private static CustomContext context(VariableProvider variables) {
        return new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return variables;
            }
        };
    }

    /** For tests: how many texts are kept. */
    int cachedTexts() {
        return expressions.size() + unaryTests.size();
    }
}
