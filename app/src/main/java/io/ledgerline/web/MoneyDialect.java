package io.ledgerline.web;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Makes {@link Money} available as {@code #money} in every template the app's engine
 * renders, including fragments rendered outside a request (a bean reference would need
 * the Spring evaluation context there). Boot adds every dialect bean to the engine.
 */
@Component
class MoneyDialect extends AbstractDialect implements IExpressionObjectDialect {

	private static final String NAME = "money";

	private static final Money MONEY = Money.PEOPLE;

	MoneyDialect() {
		super("Ledgerline money");
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {
			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of(NAME);
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return NAME.equals(expressionObjectName) ? MONEY : null;
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}
		};
	}

}
