package vn.nq57.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a browser may upload through the gateway
 * ({@code nq57.gateway.upload.*}).
 *
 * @param maxSize largest request body accepted on the attachment and import routes;
 * default 12 MB; larger bodies are refused with 413 {@code GTW-005} before anything is
 * sent on
 */
@ConfigurationProperties("nq57.gateway.upload")
public record UploadProperties(@DefaultValue("12MB") DataSize maxSize) {
}
