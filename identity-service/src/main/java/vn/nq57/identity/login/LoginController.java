package vn.nq57.identity.login;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.nq57.identity.IdentityProperties;
import vn.nq57.identity.account.PasswordReset;
import vn.nq57.identity.federation.FederatedProvider;
import vn.nq57.identity.federation.FederationRegistrations;

/**
 * Serves the sign-in pages. They work without JavaScript; the form itself is processed by
 * Spring Security ({@code POST /login}).
 */
@Controller
class LoginController {

	private final IdentityProperties properties;

	private final PasswordReset passwordReset;

	private final FederationRegistrations registrations;

	LoginController(IdentityProperties properties, PasswordReset passwordReset, FederationRegistrations registrations) {
		this.properties = properties;
		this.passwordReset = passwordReset;
		this.registrations = registrations;
	}

	@GetMapping("/login")
	String login(@RequestParam(name = "error", required = false) @Nullable String error,
			@RequestParam(name = "logout", required = false) @Nullable String logout,
			@RequestParam(name = "locked", required = false) @Nullable String locked,
			@RequestParam(name = "reset", required = false) @Nullable String reset,
			@RequestParam(name = "unlinked", required = false) @Nullable String unlinked,
			@RequestParam(name = "federation-error", required = false) @Nullable String federationError, Model model) {
		model.addAttribute("unlinked", (unlinked != null) ? FederatedProvider.byId(unlinked).orElse(null) : null);
		model.addAttribute("federationFailed", federationError != null);
		model.addAttribute("failed", error != null);
		model.addAttribute("locked", locked != null);
		model.addAttribute("loggedOut", logout != null);
		model.addAttribute("passwordReset", reset != null);
		return "login";
	}

	@GetMapping("/login/forgot-password")
	String forgotPassword(Model model) {
		model.addAttribute("problems", Map.of());
		addResetOptions(model);
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
		addResetOptions(model);
		return "forgot-password";
	}

	@PostMapping("/login/forgot-password/link")
	String requestLink(@RequestParam(defaultValue = "") String username, HttpServletRequest request, Model model) {
		this.passwordReset.requestLink(username, request.getRemoteAddr());
		model.addAttribute("problems", Map.of());
		model.addAttribute("linkRequested", true);
		addResetOptions(model);
		return "forgot-password";
	}

	@GetMapping("/login/reset-link")
	String resetLinkPage(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
		model.addAttribute("token", token);
		if (this.passwordReset.linkOwner(token).isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problems", Map.of("form", PasswordReset.INVALID_LINK));
			model.addAttribute("valid", false);
			return "reset-link";
		}
		model.addAttribute("problems", Map.of());
		model.addAttribute("valid", true);
		return "reset-link";
	}

	@PostMapping("/login/reset-link")
	String resetWithLink(@RequestParam(defaultValue = "") String token,
			@RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String confirmPassword, HttpServletResponse response, Model model) {
		Map<String, String> problems = this.passwordReset.redeemLink(token, newPassword, confirmPassword);
		if (problems.isEmpty()) {
			return "redirect:/login?reset";
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("token", token);
		model.addAttribute("problems", problems);
		model.addAttribute("valid", !problems.containsKey("form"));
		return "reset-link";
	}

	private void addResetOptions(Model model) {
		model.addAttribute("linksAvailable", this.passwordReset.linksAvailable());
		model.addAttribute("vneidAvailable", this.registrations.configured(FederatedProvider.VNEID));
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
