package io.careloop.engine.studio;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression in a supervisor's diagram may do: read known process variables (and their
 * properties), compare and combine them, call the methods of CareLoop's beans that take the
 * execution ({@code ${ticketProcess.classified(execution)}}), and read a variable through
 * {@code execution.getVariable('name')}. Nothing else: no static functions, no method on anything
 * but a bean, no reflection ({@code getClass}), no unknown names. The expression is read with the
 * engine's own JUEL parser and its tree walked, so what is checked is what the engine would run.
 */
final class ExpressionPolicy {

    /** What the engine passes to every expression: the execution (or the task, in task listeners). */
    private static final Set<String> CONTEXT_OBJECTS = Set.of("execution", "task");
    private static final Set<String> EXECUTION_METHODS = Set.of("getVariable", "getVariableLocal", "hasVariable");
    private static final Set<String> FORBIDDEN_PROPERTIES = Set.of("class", "getClass", "classLoader",
            "processEngineServices", "processEngine", "declaredMethods", "runtime");

    private final Map<String, Set<String>> beanMethods;
    private final Set<String> delegateBeans;
    private final Set<String> variables;

    ExpressionPolicy(Map<String, Set<String>> beanMethods, Set<String> delegateBeans, Set<String> variables) {
        this.beanMethods = Map.copyOf(beanMethods);
        this.delegateBeans = Set.copyOf(delegateBeans);
        this.variables = Set.copyOf(variables);
    }

    /** The policy over the beans the engine knows: their methods that take the execution or a task. */
    static ExpressionPolicy over(Map<Object, Object> engineBeans, Set<String> variables) {
        Map<String, Set<String>> methods = new HashMap<>();
        Set<String> delegates = new HashSet<>();
        engineBeans.forEach((name, bean) -> {
            Set<String> allowed = new HashSet<>();
            for (Method m : bean.getClass().getMethods()) {
                if (m.getDeclaringClass() != Object.class && !Modifier.isStatic(m.getModifiers())
                        && m.getParameterCount() > 0 && (m.getParameterTypes()[0] == DelegateExecution.class
                        || m.getParameterTypes()[0] == DelegateTask.class)) {
                    allowed.add(m.getName());
                }
            }
            methods.put(String.valueOf(name), allowed);
            if (bean instanceof org.camunda.bpm.engine.delegate.JavaDelegate
                    || bean instanceof org.camunda.bpm.engine.delegate.ExecutionListener
                    || bean instanceof org.camunda.bpm.engine.delegate.TaskListener) {
                delegates.add(String.valueOf(name));
            }
        });
        return new ExpressionPolicy(methods, delegates, variables);
    }

    Set<String> beans() {
        return beanMethods.keySet();
    }

    /** Null when {@code text} is allowed; otherwise why not. {@code declared}: variables the diagram itself sets. */
    String check(String text, Set<String> declared) {
        Node root;
        try {
            root = new Builder(Builder.Feature.METHOD_INVOCATIONS).build(text).getRoot();
        } catch (TreeBuilderException e) {
            return "the expression " + quote(text) + " cannot be parsed: " + e.getMessage();
        }
        try {
            walk(root, declared, false);
            return null;
        } catch (Refused r) {
            return "the expression " + quote(text) + " is not allowed: " + r.getMessage();
        }
    }

    /** A delegate expression may only name a bean that is a delegate ({@code ${bean}}). */
    String checkDelegate(String text) {
        String name = text.strip().replaceAll("^[$#]\\{\\s*|\\s*}$", "");
        if (delegateBeans.contains(name)) {
            return null;
        }
        return "the delegate expression " + quote(text) + " is not allowed: delegates run code; call a CareLoop bean"
                + " method with camunda:expression instead (" + String.join(", ", new java.util.TreeSet<>(beans())) + ")";
    }

    private void walk(Node n, Set<String> declared, boolean argument) {
        if (n instanceof AstText || n instanceof AstString || n instanceof AstNumber || n instanceof AstBoolean
                || n instanceof AstNull) {
            return;
        }
        if (n instanceof AstComposite || n instanceof AstEval || n instanceof AstBinary || n instanceof AstUnary
                || n instanceof AstChoice || n instanceof AstNested || n instanceof AstParameters) {
            for (int i = 0; i < n.getCardinality(); i++) {
                walk(n.getChild(i), declared, argument);
            }
            return;
        }
        if (n instanceof AstIdentifier id) {
            identifier(id.getName(), declared, argument);
            return;
        }
        if (n instanceof AstFunction f) {
            throw new Refused("function " + f.getName() + "() calls a static method");
        }
        if (n instanceof AstMethod m) {
            method(m, declared);
            return;
        }
        if (n instanceof AstDot dot) {
            property(dot, declared);
            return;
        }
        if (n instanceof AstBracket) {
            throw new Refused("[…] property access is not allowed; use a.b with a known variable");
        }
        throw new Refused("unsupported construct " + n);
    }

    private void identifier(String name, Set<String> declared, boolean argument) {
        if (CONTEXT_OBJECTS.contains(name)) {
            if (!argument) {
                throw new Refused(name + " may only be passed to a CareLoop bean method");
            }
            return;
        }
        if (beanMethods.containsKey(name)) {
            throw new Refused("the bean " + name + " may only be called, as " + name + ".method(execution, …)");
        }
        if (!variables.contains(name) && !declared.contains(name)) {
            throw new Refused("unknown name '" + name + "': neither a CareLoop process variable nor a bean");
        }
    }

    private void property(AstDot dot, Set<String> declared) {
        String prop = propertyName(dot);
        if (FORBIDDEN_PROPERTIES.contains(prop)) {
            throw new Refused("property '" + prop + "' is not allowed");
        }
        Node prefix = dot.getChild(0);
        if (prefix instanceof AstIdentifier id && (beanMethods.containsKey(id.getName())
                || CONTEXT_OBJECTS.contains(id.getName()))) {
            throw new Refused("properties of " + id.getName() + " are not readable from a diagram");
        }
        if (!(prefix instanceof AstIdentifier) && !(prefix instanceof AstDot)) {
            throw new Refused("property '" + prop + "' may only be read from a process variable");
        }
        walk(prefix, declared, false);
    }

    private void method(AstMethod m, Set<String> declared) {
        if (!(m.getChild(0) instanceof AstDot dot) || !(dot.getChild(0) instanceof AstIdentifier target)) {
            throw new Refused("methods may only be called on a CareLoop bean or on execution (" + m + ")");
        }
        String name = propertyName(dot);
        AstParameters params = (AstParameters) m.getChild(1);
        String base = target.getName();
        if (CONTEXT_OBJECTS.contains(base)) {
            if (!EXECUTION_METHODS.contains(name) || params.getCardinality() != 1
                    || !(params.getChild(0) instanceof AstString)) {
                throw new Refused(base + " allows only getVariable('name') and hasVariable('name'), not " + name + "(…)");
            }
            return;
        }
        Set<String> allowed = beanMethods.get(base);
        if (allowed == null) {
            throw new Refused("'" + base + "' is not a CareLoop bean; callable beans: "
                    + String.join(", ", new java.util.TreeSet<>(beans())));
        }
        if (!allowed.contains(name)) {
            throw new Refused(base + "." + name + "(…) is not a process method of the bean; allowed: "
                    + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
        for (int i = 0; i < params.getCardinality(); i++) {
            walk(params.getChild(i), declared, true);
        }
    }

    /** AstDot keeps its property name protected; its text form is ". name". */
    private static String propertyName(AstDot dot) {
        return dot.toString().replaceFirst("^\\.\\s*", "").strip();
    }

    private static String quote(String text) {
        String t = text.length() > 120 ? text.substring(0, 120) + "…" : text;
        return "'" + t + "'";
    }

    static List<String> expressionsIn(String text) {
        return text != null && (text.contains("${") || text.contains("#{")) ? List.of(text) : List.of();
    }

    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
