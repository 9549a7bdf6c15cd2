package org.scamscope.spark;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class LoopbackOnlyTest {
    @Test
    void onlyLoopbackAddressesPass() {
        assertTrue(LoopbackOnly.loopback("127.0.0.1"));
        assertTrue(LoopbackOnly.loopback("127.3.4.5"));
        assertTrue(LoopbackOnly.loopback("0:0:0:0:0:0:0:1"));
        assertTrue(LoopbackOnly.loopback("[::1]"));
        assertFalse(LoopbackOnly.loopback("10.0.0.5"));
        assertFalse(LoopbackOnly.loopback("192.0.2.2"));
        assertFalse(LoopbackOnly.loopback("fd00::2"));
        assertFalse(LoopbackOnly.loopback("::ffff:10.0.0.5"));
        // A name is never looked up: "localhost" could resolve to anything a hosts file says.
        assertFalse(LoopbackOnly.loopback("localhost"));
        assertFalse(LoopbackOnly.loopback(""));
        assertFalse(LoopbackOnly.loopback(null));
    }

    /** The UI of a session from the factory, turned on, answers on loopback and refuses this machine's other address. */
    @Test
    void theUiTurnedOnAnswersOnlyOnThisMachine() throws Exception {
        String external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> { try { return i.isUp() && !i.isLoopback(); } catch (java.net.SocketException e) { return false; } })
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .map(InetAddress::getHostAddress).findFirst().orElse(null);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-") || a.startsWith("-XX:+IgnoreUnrecognized") || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty")) cmd.add(a);
        }
        cmd.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), UiProbe.class.getName(), "127.0.0.1"));
        if (external != null) cmd.add(external);
        Path log = Files.createTempFile("ui-probe", ".log");
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        Map<String, String> status = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                String[] f = line.split(" ");
                if (f.length == 3 && f[0].equals("status")) status.put(f[1], f[2]);
            }
        }
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), () -> { try { return Files.readString(log); } catch (java.io.IOException e) { return e.toString(); } });
        Files.deleteIfExists(log);
        assertEquals("200", status.get("127.0.0.1"), status.toString());
        // Without a second interface there is no other address to ask through; the filter's decision is tested above.
        if (external != null) assertEquals("403", status.get(external), "through " + external + ": " + status);
    }
}
