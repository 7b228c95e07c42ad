package vn.nq57.identity.login;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.nq57.common.web.ApiException;
import vn.nq57.common.web.CommonError;
import vn.nq57.identity.IdentityProperties;

/**
 * Serves the sign-in pages. They work without JavaScript; the form itself is processed by
 * Spring Security ({@code POST /login}).
 */
@Controller
class LoginController {

	private final IdentityProperties properties;

	LoginController(IdentityProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/login")
	String login(@RequestParam(name = "error", required = false) @Nullable String error,
			@RequestParam(name = "logout", required = false) @Nullable String logout, Model model) {
		model.addAttribute("failed", error != null);
		model.addAttribute("loggedOut", logout != null);
		return "login";
	}

	@GetMapping("/login/forgot-password")
	String forgotPassword() {
		return "forgot-password";
	}

	@GetMapping("/login/federation/{provider}")
	String federation(@PathVariable String provider, Model model) {
		String name = switch (provider) {
			case "sso" -> "tài khoản xác thực tập trung";
			case "vneid" -> "tài khoản định danh điện tử (VNeID)";
			default -> throw new ApiException(CommonError.NOT_FOUND);
		};
		model.addAttribute("providerName", name);
		return "federation-unavailable";
	}

	/**
	 * After a sign-in that was not part of an authorization request: back to the system's
	 * home page.
	 */
	@GetMapping("/")
	String home() {
		return "redirect:" + this.properties.issuer().resolve("/");
	}

}
