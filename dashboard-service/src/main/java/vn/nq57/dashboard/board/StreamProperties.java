package vn.nq57.dashboard.board;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live streams ({@code nq57.dashboard.stream.*}).
 *
 * @param heartbeat how often a comment line is sent to every open stream so proxies keep
 * it open; default 15 s
 * @param maxAge how long a stream stays open before the server ends it and the browser
 * reconnects with {@code Last-Event-ID}; default 30 min
 */
@ConfigurationProperties("nq57.dashboard.stream")
public record StreamProperties(@DefaultValue("15s") Duration heartbeat, @DefaultValue("30m") Duration maxAge) {
}
