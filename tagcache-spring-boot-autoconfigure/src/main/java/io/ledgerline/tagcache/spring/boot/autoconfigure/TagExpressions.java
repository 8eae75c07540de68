package io.ledgerline.tagcache.spring.boot.autoconfigure;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.support.AopUtils;
import org.springframework.context.expression.AnnotatedElementKey;
import org.springframework.context.expression.CachedExpressionEvaluator;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;

/**
 * Evaluates the SpEL of the annotations against one call's arguments, as
 * {@code @Cacheable} does: {@code #name}, {@code #p0}, {@code #a0}, {@code #root.method},
 * {@code #root.target}. Parsed expressions are kept per method.
 */
final class TagExpressions extends CachedExpressionEvaluator {

	private final Map<ExpressionKey, Expression> parsed = new ConcurrentHashMap<>();

	/** The root object of every expression. */
	record Root(Method method, Object[] args, Object target, Class<?> targetClass) {
	}

	/** The key: whatever the expression yields, as a string; never null or blank. */
	String key(String expression, MethodInvocation call) {
		Object value = evaluate(expression, call);
		if (value == null || value.toString().isBlank()) {
			throw new IllegalArgumentException("The cache key '" + expression + "' of " + describe(call)
					+ " evaluated to " + (value == null ? "null" : "a blank string"));
		}
		return value.toString();
	}

	/**
	 * The tags: each expression yields a string or a collection (or array) of them;
	 * duplicates are dropped, order kept.
	 */
	List<String> tags(String[] expressions, MethodInvocation call) {
		Set<String> tags = new LinkedHashSet<>();
		for (String expression : expressions) {
			Object value = evaluate(expression, call);
			if (value instanceof Object[] array) {
				value = List.of(array);
			}
			if (value instanceof Collection<?> many) {
				many.forEach(one -> tags.add(tag(one, expression, call)));
			}
			else {
				tags.add(tag(value, expression, call));
			}
		}
		return new ArrayList<>(tags);
	}

	private static String tag(Object value, String expression, MethodInvocation call) {
		if (value == null || value.toString().isBlank()) {
			throw new IllegalArgumentException("The tag '" + expression + "' of " + describe(call) + " evaluated to "
					+ (value == null ? "null" : "a blank string"));
		}
		return value.toString();
	}

	private Object evaluate(String expression, MethodInvocation call) {
		Object target = call.getThis();
		Class<?> targetClass = target == null ? call.getMethod().getDeclaringClass() : AopUtils.getTargetClass(target);
		Method method = AopUtils.getMostSpecificMethod(call.getMethod(), targetClass);
		Root root = new Root(method, call.getArguments(), target, targetClass);
		MethodBasedEvaluationContext context = new MethodBasedEvaluationContext(root, method, call.getArguments(),
				getParameterNameDiscoverer());
		try {
			return getExpression(parsed, new AnnotatedElementKey(method, targetClass), expression).getValue(context);
		}
		catch (ParseException | EvaluationException e) {
			throw new IllegalArgumentException(
					"Cannot evaluate '" + expression + "' for " + describe(call) + ": " + e.getMessage(), e);
		}
	}

	static String describe(MethodInvocation call) {
		Method method = call.getMethod();
		return method.getDeclaringClass().getSimpleName() + "." + method.getName();
	}

}
