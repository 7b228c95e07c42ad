package vn.nq57.identity.federation;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
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
import vn.nq57.identity.account.PasswordReset;

/**
 * The login page's federated entries: each sends the browser to its provider when it is
 * configured and reachable, and otherwise says why not. Also the new-password page that a
 * VNeID sign-in started from <em>Quên mật khẩu</em> leads to.
 */
@Controller
class FederationController {

	/** Where a VNeID sign-in for a password reset lands. */
	static final String NEW_PASSWORD_PATH = "/login/vneid-password";

	private final FederationRegistrations registrations;

	private final PasswordReset passwordReset;

	FederationController(FederationRegistrations registrations, PasswordReset passwordReset) {
		this.registrations = registrations;
		this.passwordReset = passwordReset;
	}

	@GetMapping("/login/federation/{id}")
	String federation(@PathVariable String id, @RequestParam(required = false) @Nullable String purpose,
			HttpSession session, HttpServletResponse response, Model model) {
		FederatedProvider provider = FederatedProvider.byId(id)
			.orElseThrow(() -> new ApiException(CommonError.NOT_FOUND));
		model.addAttribute("providerName", provider.displayName());
		if (!this.registrations.configured(provider)) {
			model.addAttribute("unreachable", false);
			return "federation-unavailable";
		}
		if (this.registrations.findByRegistrationId(provider.id()) == null) {
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			model.addAttribute("unreachable", true);
			return "federation-unavailable";
		}
		if (provider == FederatedProvider.VNEID && "reset".equals(purpose)) {
			session.setAttribute(FederatedSignIn.RESET_INTENT, Boolean.TRUE);
		}
		else {
			session.removeAttribute(FederatedSignIn.RESET_INTENT);
		}
		return "redirect:/oauth2/authorization/" + provider.id();
	}

	@GetMapping(NEW_PASSWORD_PATH)
	String newPasswordPage(HttpSession session, Model model) {
		Object username = session.getAttribute(FederatedSignIn.RESET_ALLOWED);
		if (username == null) {
			return "redirect:/login/forgot-password";
		}
		model.addAttribute("username", username);
		model.addAttribute("problems", Map.of());
		return "vneid-password";
	}

	@PostMapping(NEW_PASSWORD_PATH)
	String newPassword(@RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String confirmPassword, HttpSession session, HttpServletResponse response,
			Model model) {
		Object username = session.getAttribute(FederatedSignIn.RESET_ALLOWED);
		if (username == null) {
			return "redirect:/login/forgot-password";
		}
		Map<String, String> problems = this.passwordReset.resetAfterVneid(username.toString(), newPassword,
				confirmPassword);
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("username", username);
			model.addAttribute("problems", problems);
			return "vneid-password";
		}
		// Every session of the account has ended, this one included.
		session.invalidate();
		return "redirect:/login?reset";
	}

}
