package vn.nq57.gateway.openapi;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API documentation page at {@code /api-docs}: a static page that lists every
 * service's OpenAPI document ({@code /openapi/<service>.json}) and its operations, served
 * from the gateway itself, no external host.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/api-docs").setViewName("forward:/api-docs.html");
	}

}
