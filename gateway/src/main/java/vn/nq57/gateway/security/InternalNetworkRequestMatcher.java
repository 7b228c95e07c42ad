package vn.nq57.gateway.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Matches requests whose client is on a private, loopback or link-local address: inside
 * the cluster (a Prometheus scrape straight to the pod), never a browser coming through
 * the ingress, whose public address the forwarded headers have restored as the remote
 * address by then. Lets metrics be scraped without opening them to the internet.
 */
final class InternalNetworkRequestMatcher implements RequestMatcher {

	@Override
	public boolean matches(HttpServletRequest request) {
		try {
			InetAddress client = InetAddress.getByName(request.getRemoteAddr());
			byte[] bytes = client.getAddress();
			boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
			return client.isLoopbackAddress() || client.isSiteLocalAddress() || client.isLinkLocalAddress()
					|| uniqueLocalV6;
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
