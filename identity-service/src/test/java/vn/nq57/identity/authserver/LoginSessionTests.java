package vn.nq57.identity.authserver;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import vn.nq57.identity.IdentityServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

class LoginSessionTests extends IdentityServiceTest {

	@Autowired
	private SessionRepository<?> sessions;

	@Test
	void sessionWhenTwoRequestsAddTheSameAttributeAtOnceThenBothAreSaved() {
		assertBothAttributeAddsAreSaved(this.sessions);
	}

	/** Two copies of one stored session, as two parallel requests load it. */
	private static <S extends Session> void assertBothAttributeAddsAreSaved(SessionRepository<S> repository) {
		S session = repository.createSession();
		repository.save(session);
		S first = repository.findById(session.getId());
		S second = repository.findById(session.getId());
		first.setAttribute("nq57.test.added", "first");
		second.setAttribute("nq57.test.added", "second");

		repository.save(first);
		repository.save(second);

		String saved = repository.findById(session.getId()).getAttribute("nq57.test.added");
		assertThat(saved).as("the later save wins, neither fails").isEqualTo("second");
	}

}
