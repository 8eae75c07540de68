package io.ledgerline.tagcache.spring.boot.autoconfigure;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodClassKey;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * One annotation type of the intercepted methods, looked up once per method and target
 * class rather than on every call. It is read where the pointcut found it: on the target
 * class's own method first, since a call through an interface-based proxy names the
 * interface's method while the annotation sits on the implementation's (looked up on the
 * called method alone, such a call would run uncached, or its write would invalidate
 * nothing, without a word).
 */
final class MethodAnnotations<A extends Annotation> {

	private final Class<A> type;

	private final Map<MethodClassKey, Optional<A>> found = new ConcurrentHashMap<>();

	MethodAnnotations(Class<A> type) {
		this.type = type;
	}

	/** The method's annotation, or null if it has none. */
	A find(MethodInvocation call) {
		Method method = call.getMethod();
		Object target = call.getThis();
		Class<?> targetClass = target == null ? null : AopUtils.getTargetClass(target);
		MethodClassKey key = new MethodClassKey(method, targetClass);
		// A plain get first: computeIfAbsent may lock its bin even when the entry exists.
		Optional<A> annotation = found.get(key);
		if (annotation == null) {
			annotation = found.computeIfAbsent(key, k -> Optional.ofNullable(lookUp(method, targetClass)));
		}
		return annotation.orElse(null);
	}

	private A lookUp(Method method, Class<?> targetClass) {
		if (targetClass != null) {
			Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
			A onTarget = AnnotatedElementUtils.findMergedAnnotation(specific, type);
			if (onTarget != null) {
				return onTarget;
			}
		}
		return AnnotatedElementUtils.findMergedAnnotation(method, type);
	}

}
