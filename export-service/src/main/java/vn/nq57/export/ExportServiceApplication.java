package vn.nq57.export;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point of export-service: Excel workbooks of reports and period grids, built from
 * what report-service shows the signed-in user.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExportServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ExportServiceApplication.class, args);
	}

}
