package vn.nq57.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Entry point of identity-service: the OAuth2/OIDC authorization server of NQ57, the
 * administrative units and the accounts issued to them.
 */
@SpringBootApplication
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(IdentityServiceApplication.class, args);
	}

}
