package com.acme.rules;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;

public class Rules {
    private static final String DEFAULT_RULE = "price * 0.9";
    private final ScriptEngine engine = new ScriptEngineManager().getEngineByName("js");
    private final ExpressionParser parser = new SpelExpressionParser();

    Object apply(String rule) throws ScriptException {
        // ruleid: dynamic-code-eval
        return engine.eval(rule);
    }

    Object discount(String field) throws ScriptException {
        // ruleid: dynamic-code-eval
        return engine.eval("order." + field + " * 0.9");
    }

    Object spel(String expression) {
        // ruleid: dynamic-code-eval
        return parser.parseExpression(expression).getValue();
    }

    Object defaults() throws ScriptException {
        // ok: dynamic-code-eval
        return engine.eval(DEFAULT_RULE);
    }

    Object fixed() {
        // ok: dynamic-code-eval
        return parser.parseExpression("T(java.lang.Math).random()").getValue();
    }

    Object constant() throws ScriptException {
        // ok: dynamic-code-eval
        return engine.eval("1 + 1");
    }
}
