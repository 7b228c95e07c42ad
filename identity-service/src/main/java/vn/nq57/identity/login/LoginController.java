package vn.nq57.identity.login;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.nq57.common.web.ApiException;
import vn.nq57.common.web.CommonError;
import vn.nq57.identity.IdentityProperties;
import vn.nq57.identity.account.PasswordReset;

/**
 * Serves the sign-in pages. They work without JavaScript; the form itself is processed by
 * Spring Security ({@code POST /login}).
 */
@Controller
class LoginController {

	private final IdentityProperties properties;

	private final PasswordReset passwordReset;

	LoginController(IdentityProperties properties, PasswordReset passwordReset) {
		this.properties = properties;
		this.passwordReset = passwordReset;
	}

	@GetMapping("/login")
	String login(@RequestParam(name = "error", required = false) @Nullable String error,
			@RequestParam(name = "logout", required = false) @Nullable String logout,
			@RequestParam(name = "locked", required = false) @Nullable String locked,
			@RequestParam(name = "reset", required = false) @Nullable String reset, Model model) {
		model.addAttribute("failed", error != null);
		model.addAttribute("locked", locked != null);
		model.addAttribute("loggedOut", logout != null);
		model.addAttribute("passwordReset", reset != null);
		return "login";
	}

	@GetMapping("/login/forgot-password")
	String forgotPassword(Model model) {
		model.addAttribute("problems", Map.of());
		return "forgot-password";
	}

	@PostMapping("/login/forgot-password")
	String resetPassword(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String confirmPassword, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Map<String, String> problems = this.passwordReset.redeem(username, code, newPassword, confirmPassword,
				request.getRemoteAddr());
		if (problems.isEmpty()) {
			return "redirect:/login?reset";
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("problems", problems);
		model.addAttribute("username", username);
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
