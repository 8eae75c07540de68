package io.ledgerline.web;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Makes {@link Money} available as {@code #money} and {@link HumanTime} as {@code #times}
 * in every template the app's engine renders, including fragments rendered outside a
 * request (a bean reference would need the Spring evaluation context there). Boot adds
 * every dialect bean to the engine.
 */
@Component
class FormatsDialect extends AbstractDialect implements IExpressionObjectDialect {

	private static final Map<String, Object> FORMATS = Map.of("money", Money.PEOPLE, "times", HumanTime.PEOPLE);

	FormatsDialect() {
		super("Ledgerline formats");
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {
			@Override
			public Set<String> getAllExpressionObjectNames() {
				return FORMATS.keySet();
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return FORMATS.get(expressionObjectName);
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}
		};
	}

}
