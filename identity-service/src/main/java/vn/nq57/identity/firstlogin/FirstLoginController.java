package vn.nq57.identity.firstlogin;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

import vn.nq57.identity.account.AccountSetup;
import vn.nq57.identity.account.AccountSetup.Step;

/**
 * The first-login pages: one form per step, plain HTML with no script. A step that is
 * already done sends the browser on to the next; after the last one the authorization
 * request that was held back is resumed.
 */
@Controller
class FirstLoginController {

	private final AccountSetup setup;

	private final RequestCache requestCache = new HttpSessionRequestCache();

	FirstLoginController(AccountSetup setup) {
		this.setup = setup;
	}

	@GetMapping(FirstLoginFilter.SETUP_PATH)
	String next(Principal principal, HttpServletRequest request, HttpServletResponse response) {
		Optional<Step> step = this.setup.pendingStep(principal.getName());
		if (step.isPresent()) {
			return "redirect:" + FirstLoginFilter.SETUP_PATH + "/" + step.get().name().toLowerCase();
		}
		SavedRequest saved = this.requestCache.getRequest(request, response);
		if (saved != null) {
			this.requestCache.removeRequest(request, response);
			return "redirect:" + saved.getRedirectUrl();
		}
		return "redirect:/";
	}

	@GetMapping(FirstLoginFilter.SETUP_PATH + "/password")
	String passwordForm(Principal principal, Model model) {
		return page(principal, Step.PASSWORD, model, Map.of());
	}

	@PostMapping(FirstLoginFilter.SETUP_PATH + "/password")
	String changePassword(Principal principal, @RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String confirmPassword, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (!isPending(principal, Step.PASSWORD)) {
			return "redirect:" + FirstLoginFilter.SETUP_PATH;
		}
		Map<String, String> problems = this.setup.changePassword(principal.getName(), newPassword, confirmPassword);
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(principal, Step.PASSWORD, model, problems);
		}
		// A new credential, a new session id.
		request.changeSessionId();
		return "redirect:" + FirstLoginFilter.SETUP_PATH;
	}

	@GetMapping(FirstLoginFilter.SETUP_PATH + "/profile")
	String profileForm(Principal principal, Model model) {
		AccountSetup.Profile profile = this.setup.profile(principal.getName());
		model.addAttribute("fullName", profile.fullName());
		model.addAttribute("position", profile.position());
		model.addAttribute("phone", profile.phone());
		return page(principal, Step.PROFILE, model, Map.of());
	}

	@PostMapping(FirstLoginFilter.SETUP_PATH + "/profile")
	String completeProfile(Principal principal, @RequestParam(defaultValue = "") String fullName,
			@RequestParam(defaultValue = "") String position, @RequestParam(defaultValue = "") String phone,
			@RequestParam(defaultValue = "") String email, HttpServletResponse response, Model model) {
		if (!isPending(principal, Step.PROFILE)) {
			return "redirect:" + FirstLoginFilter.SETUP_PATH;
		}
		Map<String, String> problems = this.setup.completeProfile(principal.getName(), fullName, position, phone,
				email);
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("fullName", fullName);
			model.addAttribute("position", position);
			model.addAttribute("phone", phone);
			model.addAttribute("email", email);
			return page(principal, Step.PROFILE, model, problems);
		}
		return "redirect:" + FirstLoginFilter.SETUP_PATH;
	}

	@GetMapping(FirstLoginFilter.SETUP_PATH + "/cccd")
	String cccdForm(Principal principal, Model model) {
		return page(principal, Step.CCCD, model, Map.of());
	}

	@PostMapping(FirstLoginFilter.SETUP_PATH + "/cccd")
	String linkCccd(Principal principal, @RequestParam(defaultValue = "") String cccd, HttpServletResponse response,
			Model model) {
		if (!isPending(principal, Step.CCCD)) {
			return "redirect:" + FirstLoginFilter.SETUP_PATH;
		}
		Map<String, String> problems = this.setup.linkCccd(principal.getName(), cccd);
		if (!problems.isEmpty()) {
			// What was typed is not echoed back: it may be someone's real number.
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(principal, Step.CCCD, model, problems);
		}
		return "redirect:" + FirstLoginFilter.SETUP_PATH;
	}

	private boolean isPending(Principal principal, Step step) {
		return this.setup.pendingStep(principal.getName()).filter(step::equals).isPresent();
	}

	private String page(Principal principal, Step step, Model model, Map<String, String> problems) {
		if (!isPending(principal, step) && problems.isEmpty()) {
			return "redirect:" + FirstLoginFilter.SETUP_PATH;
		}
		model.addAttribute("username", principal.getName());
		model.addAttribute("step", step.ordinal() + 1);
		model.addAttribute("problems", problems);
		return "first-login-" + step.name().toLowerCase();
	}

}
