package vn.nq57.identity.federation;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.ui.ExtendedModelMap;

import vn.nq57.identity.IdentityProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login page's federated entries when a provider is not configured, or configured but
 * unreachable (the shared test context has both stand-ins configured and running).
 */
class FederationControllerTests {

	@Test
	void federationWhenProviderNotConfiguredThenSaysSoAndSendsNowhere() {
		FederationController controller = controller(Map.of());
		ExtendedModelMap model = new ExtendedModelMap();
		MockHttpServletResponse response = new MockHttpServletResponse();

		String view = controller.federation("vneid", null, new MockHttpSession(), response, model);

		assertThat(view).isEqualTo("federation-unavailable");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(model).containsEntry("unreachable", false)
			.containsEntry("providerName", "tài khoản định danh điện tử (VNeID)");
	}

	@Test
	void federationWhenProviderConfiguredButDownThenSaysItCannotBeReachedNow() {
		FederationController controller = controller(Map.of("nq57.identity.federation.sso.issuer",
				"http://127.0.0.1:9/sso", "nq57.identity.federation.sso.client-id", "nq57-identity",
				"nq57.identity.federation.sso.client-secret", "secret"));
		ExtendedModelMap model = new ExtendedModelMap();
		MockHttpServletResponse response = new MockHttpServletResponse();

		String view = controller.federation("sso", null, new MockHttpSession(), response, model);

		assertThat(view).isEqualTo("federation-unavailable");
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(model).containsEntry("unreachable", true);
	}

	private static FederationController controller(Map<String, String> settings) {
		IdentityProperties properties = new Binder(new MapConfigurationPropertySource(settings))
			.bindOrCreate("nq57.identity", IdentityProperties.class);
		return new FederationController(new FederationRegistrations(properties), null);
	}

}
