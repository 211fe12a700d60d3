package io.splice.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The machine the figures come from, as BENCHMARKS.md states it. */
record MachineFacts(String date, int cpus, String cpuModel, String memory, String java, String postgres, String kernel,
                    String loadAtStart, List<String> otherUsers) {

    static MachineFacts collect(String postgresUrl) {
        return new MachineFacts(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME),
                Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemory(), javaVersion(), postgres(postgresUrl),
                firstLine("/proc/version").split(" \\(")[0], loadAverage(), busyProcesses());
    }

    static String loadAverage() {
        String[] parts = firstLine("/proc/loadavg").split(" ");
        return parts.length < 3 ? "?" : parts[0] + " " + parts[1] + " " + parts[2];
    }

    private static String readCpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (Exception e) {
            return "?";
        }
    }

    private static String readMemory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 + " MB").orElse("?");
        } catch (Exception e) {
            return "?";
        }
    }

    private static String javaVersion() {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return text.replace("\n", "; ");
        } catch (Exception e) {
            return System.getProperty("java.version");
        }
    }

    private static String postgres(String url) {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); ResultSet r = c.createStatement().executeQuery("show server_version")) {
            r.next();
            return "PostgreSQL " + r.getString(1);
        } catch (Exception e) {
            return "?";
        }
    }

    // other people's builds and tests on the same machine: java and maven processes not started by this harness
    private static List<String> busyProcesses() {
        List<String> found = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses().filter(p -> p.pid() != self && p.parent().map(pp -> pp.pid() != self).orElse(true))
                .forEach(p -> p.info().command().ifPresent(cmd -> {
                    if (cmd.endsWith("/java") || cmd.endsWith("/mvn")) {
                        found.add(String.valueOf(p.pid()));
                    }
                }));
        return found;
    }

    private static String firstLine(String file) {
        try {
            return Files.readAllLines(Path.of(file)).get(0);
        } catch (Exception e) {
            return "?";
        }
    }
}
