package io.splice.mapping;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;

/**
 * A compiled JSONata expression, evaluated with a row as input and {@code $tenant}, {@code $variables} bound.
 * Safe to evaluate from many threads at once: every evaluation gets its own frame, and the compiled instance is
 * never the library's per-thread evaluator (see {@link #compile}).
 */
final class JsonataExpression {

    private final Jsonata compiled;

    private JsonataExpression(Jsonata compiled) {
        this.compiled = compiled;
    }

    /** @throws JException when the source does not compile */
    static JsonataExpression compile(String source) {
        Jsonata compiled = Jsonata.jsonata(source);
        // jsonata 0.9.9 makes the newest instance this thread's evaluator, whose frame then grows with every row
        // and leaks variables between expressions (dashjoin/jsonata-java#93): let a throwaway take that role
        Jsonata.jsonata("$");
        return new JsonataExpression(compiled);
    }

    /** The result with JSON null and "undefined" both as Java null; lists and objects as the library built them. */
    Object evaluate(Object input, ExpressionBindings bindings) throws FieldProblem {
        Jsonata.Frame frame = compiled.createFrame();
        frame.bind("tenant", bindings.tenant());
        frame.bind("variables", bindings.variables());
        Object result;
        try {
            result = compiled.evaluate(input, frame);
        } catch (RuntimeException e) {
            // besides JException the library lets Java errors through, e.g. NumberFormatException from $number('x')
            throw new FieldProblem("expression failed: " + describe(e), null);
        }
        return result == Jsonata.NULL_VALUE ? null : result;
    }

    private static String describe(RuntimeException e) {
        return e instanceof JException ? e.getMessage() : e.toString();
    }
}
