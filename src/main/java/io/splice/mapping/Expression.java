package io.splice.mapping;

import java.util.Map;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;

/**
 * A JSONata expression with named bindings ($params, $saved, ...), for the plan's conditions and bodies.
 * Thread-safe in the same way as the mappings' expressions (see {@link JsonataExpression#compile}).
 */
public final class Expression {

    private final String source;
    private final Jsonata compiled;

    private Expression(String source, Jsonata compiled) {
        this.source = source;
        this.compiled = compiled;
    }

    /** @throws IllegalArgumentException naming what does not compile */
    public static Expression compile(String source) {
        try {
            Jsonata compiled = Jsonata.jsonata(source);
            Jsonata.jsonata("$");
            return new Expression(source, compiled);
        } catch (JException e) {
            throw new IllegalArgumentException("does not compile: " + e.getMessage(), e);
        }
    }

    /** The result, JSON null and "undefined" both as Java null. */
    public Object evaluate(Object input, Map<String, Object> bindings) {
        Jsonata.Frame frame = compiled.createFrame();
        bindings.forEach(frame::bind);
        try {
            Object result = compiled.evaluate(input, frame);
            return result == Jsonata.NULL_VALUE ? null : result;
        } catch (RuntimeException e) {
            throw new IllegalStateException("expression " + source.strip() + " failed: "
                    + (e instanceof JException ? e.getMessage() : e.toString()), e);
        }
    }

    /** JSONata truthiness: false, null, 0, "" and empty lists are false. */
    public boolean holds(Object input, Map<String, Object> bindings) {
        return Jsonata.boolize(evaluate(input, bindings));
    }

    @Override
    public String toString() {
        return source.strip();
    }
}
