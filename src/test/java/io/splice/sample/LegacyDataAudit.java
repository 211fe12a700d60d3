package io.splice.sample;

import static io.splice.sample.DefectKind.*;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * Finds bad rows in a sample database by the rules the migration applies, written from the brief and
 * independent of the generator's code: what it finds must be exactly what the manifest says was planted.
 */
final class LegacyDataAudit {

    private static final Pattern POSTCODE = Pattern.compile("^[1-9][0-9]{3} ?[A-Z]{2}$");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]+$");
    private static final Pattern ISO_WEEK = Pattern.compile("^202[5-7]-W(0[1-9]|[1-4][0-9]|5[0-3])$");
    private static final List<String> CUSTOMERS = List.of("acme-fiber", "nordnet", "glasweb");

    /** Defects found, and anything else off about the data (a valid row outside the brief's value ranges). */
    record Findings(Set<PlantedDefect> defects, List<String> anomalies) {
    }

    private final Set<PlantedDefect> defects = new HashSet<>();
    private final List<String> anomalies = new ArrayList<>();

    private LegacyDataAudit() {
    }

    static Findings of(DataSource dataSource) throws SQLException {
        LegacyDataAudit audit = new LegacyDataAudit();
        Map<Long, Map<String, String>> projects = TableRowsAsText.of(dataSource, SampleTables.PROJECTS);
        Map<Long, Map<String, String>> addresses = TableRowsAsText.of(dataSource, SampleTables.ADDRESSES);
        Map<Long, Map<String, String>> connections = TableRowsAsText.of(dataSource, SampleTables.CONNECTIONS);
        projects.forEach(audit::project);
        addresses.forEach((id, row) -> audit.address(id, row, projects));
        connections.forEach((id, row) -> audit.connection(id, row, addresses));
        TableRowsAsText.of(dataSource, SampleTables.ASSIGNMENTS).forEach((id, row) -> audit.assignment(id, row, connections));
        Map<Long, Map<String, String>> planboards = TableRowsAsText.of(dataSource, SampleTables.PLANBOARDS);
        planboards.forEach((id, row) -> audit.planboard(id, row, projects));
        audit.expectDistinctWeeksPerProject(planboards);
        TableRowsAsText.of(dataSource, SampleTables.DOCUMENTS).forEach((id, row) -> audit.document(id, row, projects));
        return new Findings(Set.copyOf(audit.defects), List.copyOf(audit.anomalies));
    }

    private void project(long id, Map<String, String> row) {
        List<DefectKind> found = new ArrayList<>();
        flag(found, row.get("name") == null, MISSING_NAME);
        flag(found, !List.of("PLANNED", "IN_PROGRESS", "COMPLETED", "CANCELLED").contains(row.get("status")), INVALID_STATUS);
        expect(id, row, row.get("code").equals(String.format(Locale.ROOT, "PRJ-%04d", id)), "code");
        expect(id, row, customerOf(id).equals(row.get("customer")), "customer");
        expect(id, row, row.get("created_at") != null, "created_at");
        record(SampleTables.PROJECTS, id, found);
    }

    private void address(long id, Map<String, String> row, Map<Long, Map<String, String>> projects) {
        List<DefectKind> found = new ArrayList<>();
        long projectId = Long.parseLong(row.get("project_id"));
        String houseNumber = row.get("house_number");
        flag(found, row.get("street") == null, MISSING_STREET);
        flag(found, row.get("postcode") == null || !POSTCODE.matcher(row.get("postcode")).matches(), INVALID_POSTCODE);
        flag(found, "0".equals(houseNumber), ZERO_HOUSE_NUMBER);
        flag(found, houseNumber == null || !DIGITS.matcher(houseNumber).matches(), NON_NUMERIC_HOUSE_NUMBER);
        flag(found, !projects.containsKey(projectId), ORPHAN_PROJECT);
        expectCustomer(id, row, projects.get(projectId), projectId);
        expect(id, row, houseNumber == null || !DIGITS.matcher(houseNumber).matches()
                || Integer.parseInt(houseNumber) <= 250, "house_number");
        expect(id, row, row.get("city") != null, "city");
        int homesPassed = Integer.parseInt(row.get("homes_passed"));
        expect(id, row, homesPassed >= 1 && homesPassed <= 24, "homes_passed");
        record(SampleTables.ADDRESSES, id, found);
    }

    private void connection(long id, Map<String, String> row, Map<Long, Map<String, String>> addresses) {
        List<DefectKind> found = new ArrayList<>();
        Map<String, String> address = addresses.get(Long.parseLong(row.get("address_id")));
        flag(found, address == null, ORPHAN_ADDRESS);
        expectCustomer(id, row, address, id);
        flag(found, !List.of("FTTH", "FTTB").contains(row.get("kind")), INVALID_KIND);
        // The legacy tool's Dutch codes: planned, connected, cancelled
        expect(id, row, List.of("GEPLAND", "AANGESLOTEN", "GEANNULEERD").contains(row.get("status")), "status");
        LocalDate plannedOn = LocalDate.parse(row.get("planned_on"));
        expect(id, row, plannedOn.getYear() >= 2025 && plannedOn.getYear() <= 2027, "planned_on");
        record(SampleTables.CONNECTIONS, id, found);
    }

    private void assignment(long id, Map<String, String> row, Map<Long, Map<String, String>> connections) {
        List<DefectKind> found = new ArrayList<>();
        Map<String, String> connection = connections.get(Long.parseLong(row.get("connection_id")));
        flag(found, connection == null, ORPHAN_CONNECTION);
        expectCustomer(id, row, connection, id);
        flag(found, !List.of("SURVEY", "CIVIL", "SPLICING", "ACTIVATION").contains(row.get("work_type")), INVALID_WORK_TYPE);
        flag(found, row.get("due_on") == null, MISSING_DUE_DATE);
        expect(id, row, row.get("contractor") != null, "contractor");
        expect(id, row, List.of("OPEN", "DONE").contains(row.get("status")), "status");
        // Work for a connection that is live (AANGESLOTEN) is done
        expect(id, row, connection == null || !"AANGESLOTEN".equals(connection.get("status"))
                || "DONE".equals(row.get("status")), "status");
        record(SampleTables.ASSIGNMENTS, id, found);
    }

    private void planboard(long id, Map<String, String> row, Map<Long, Map<String, String>> projects) {
        List<DefectKind> found = new ArrayList<>();
        long projectId = Long.parseLong(row.get("project_id"));
        Map<String, String> project = projects.get(projectId);
        expect(id, row, project != null, "project_id");
        expectCustomer(id, row, project, projectId);
        String capacity = row.get("capacity");
        flag(found, capacity != null && Integer.parseInt(capacity) < 0, NEGATIVE_CAPACITY);
        // A crew connects 10 to 120 homes a week
        expect(id, row, capacity == null || Integer.parseInt(capacity) < 0
                || Integer.parseInt(capacity) >= 10 && Integer.parseInt(capacity) <= 120, "capacity");
        expect(id, row, row.get("week") != null && ISO_WEEK.matcher(row.get("week")).matches(), "week");
        expect(id, row, row.get("crew") != null, "crew");
        record(SampleTables.PLANBOARDS, id, found);
    }

    private void document(long id, Map<String, String> row, Map<Long, Map<String, String>> projects) {
        List<DefectKind> found = new ArrayList<>();
        long projectId = Long.parseLong(row.get("project_id"));
        Map<String, String> project = projects.get(projectId);
        expect(id, row, project != null, "project_id");
        expectCustomer(id, row, project, projectId);
        String filename = row.get("filename");
        flag(found, filename == null, MISSING_FILENAME);
        String contentType = row.get("content_type");
        String extension = "application/pdf".equals(contentType) ? "pdf" : "jpg";
        // PRJ-0003-survey-1.pdf: the project's code, a topic, the file's number within the project
        expect(id, row, filename == null || project != null && filename.matches(
                Pattern.quote(project.get("code")) + "-[a-z]+-[12]\\." + extension), "filename");
        expect(id, row, List.of("application/pdf", "image/jpeg").contains(contentType), "content_type");
        String head = row.get("content.head");
        expect(id, row, head != null && head.startsWith("application/pdf".equals(contentType) ? "255044462d" : "ffd8ff"),
                "content");
        long size = row.get("content.size") == null ? 0 : Long.parseLong(row.get("content.size"));
        expect(id, row, size >= 1024 && size <= 256 * 1024, "content.size");
        record(SampleTables.DOCUMENTS, id, found);
    }

    /** A project's plan covers as many distinct weeks as it has planboards. */
    private void expectDistinctWeeksPerProject(Map<Long, Map<String, String>> planboards) {
        Map<String, Set<String>> weeks = new HashMap<>();
        Map<String, Integer> boards = new HashMap<>();
        planboards.values().forEach(row -> {
            weeks.computeIfAbsent(row.get("project_id"), project -> new HashSet<>()).add(row.get("week"));
            boards.merge(row.get("project_id"), 1, Integer::sum);
        });
        boards.forEach((project, count) -> {
            if (weeks.get(project).size() != count) {
                anomalies.add("project " + project + " has " + count + " planboards in weeks " + weeks.get(project));
            }
        });
    }

    private static void flag(List<DefectKind> found, boolean bad, DefectKind kind) {
        if (bad) {
            found.add(kind);
        }
    }

    /** The brief's customer of a project id: CUSTOMERS[(id - 1) % 3]. */
    private static String customerOf(long projectId) {
        return CUSTOMERS.get((int) ((projectId - 1) % CUSTOMERS.size()));
    }

    /** A child has its parent's customer; an orphan the customer of {@code orphanKey} by the project formula. */
    private void expectCustomer(long id, Map<String, String> row, Map<String, String> parent, long orphanKey) {
        String expected = parent != null ? parent.get("customer") : customerOf(orphanKey);
        expect(id, row, expected != null && expected.equals(row.get("customer")), "customer");
    }

    private void expect(long id, Map<String, String> row, boolean valid, String column) {
        if (!valid) {
            anomalies.add("row " + id + " has an unexpected " + column + ": " + row);
        }
    }

    private void record(String table, long id, List<DefectKind> found) {
        if (found.size() > 1) {
            anomalies.add(table + " row " + id + " has more than one defect: " + found);
        }
        found.forEach(kind -> defects.add(new PlantedDefect(table, id, kind.field(), kind)));
    }
}
