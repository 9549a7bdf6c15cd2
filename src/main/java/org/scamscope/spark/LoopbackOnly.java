package org.scamscope.spark;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.InetAddress;

/**
 * Spark's web UI answers only clients on this machine. Spark 4.1 binds the UI to SPARK_LOCAL_IP or to
 * every interface, with no setting a running JVM can change; this filter (spark.ui.filters) refuses
 * every other caller before any page, which shows plans with their literals, is made.
 */
public final class LoopbackOnly implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (loopback(request.getRemoteAddr())) {
            chain.doFilter(request, response);
        } else if (response instanceof HttpServletResponse http) {
            http.sendError(HttpServletResponse.SC_FORBIDDEN, "the Spark UI of scamscope answers only on this machine (README, Ports)");
        }
    }

    /** Whether the caller's address is this machine's loopback; an address that cannot be read is not. */
    static boolean loopback(String address) {
        if (address == null || address.isBlank()) return false;
        // A literal address is parsed, never looked up: getByName resolves nothing for an IP literal.
        if (!address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':' || c == '[' || c == ']')) return false;
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
