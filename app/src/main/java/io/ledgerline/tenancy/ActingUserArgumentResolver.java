package io.ledgerline.tenancy;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller declare an {@link ActingUser} parameter. */
class ActingUserArgumentResolver implements HandlerMethodArgumentResolver {

	private final ActingUserResolver users;

	ActingUserArgumentResolver(ActingUserResolver users) {
		this.users = users;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == ActingUser.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest,
			WebDataBinderFactory binderFactory) {
		return users.require(webRequest.getNativeRequest(HttpServletRequest.class));
	}

}
