package io.splice.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dashjoin.jsonata.JException;

/** Checks a mapping definition and builds its compiled parts, noting every problem rather than stopping at one. */
final class MappingCompiler {

    private final MappingDefinition definition;
    private final List<MappingProblem> problems;
    private final Map<String, CodeTableLookup> codeTables = new LinkedHashMap<>();

    MappingCompiler(MappingDefinition definition, List<MappingProblem> problems) {
        this.definition = definition;
        this.problems = problems;
        if (definition.fields().isEmpty() && definition.expression() == null) {
            problems.add(new MappingProblem("mapping", "maps nothing: give fields or an expression"));
        }
        definition.codeTables().forEach(this::compileCodeTable);
    }

    /** The fields in definition order; the broken ones left out (their problems are noted). */
    List<MappedField> fields() {
        List<MappedField> fields = new ArrayList<>();
        definition.fields().forEach((name, field) -> {
            MappedField compiled = compileField(name, field == null ? FieldMapping.ofColumn(null) : field);
            if (compiled != null) {
                fields.add(compiled);
            }
        });
        return fields;
    }

    /** The whole-mapping expression, or null when there is none or it is broken. */
    ObjectExpression objectExpression() {
        if (definition.expression() == null) {
            return null;
        }
        JsonataExpression expression = compileExpression("mapping.expression", definition.expression());
        return expression == null ? null : new ObjectExpression(expression);
    }

    private void compileCodeTable(String name, CodeTable table) {
        String otherwise = table == null ? null : table.otherwise();
        CodeTableLookup.Otherwise resolved = otherwise == null
                ? CodeTableLookup.Otherwise.DEFAULT : CodeTableLookup.Otherwise.named(otherwise).orElse(null);
        if (resolved == null) {
            problems.add(new MappingProblem("mapping.codeTables." + name + ".otherwise",
                    "must be one of " + CodeTableLookup.Otherwise.labels() + "; was '" + otherwise + "'"));
            return;
        }
        codeTables.put(name, new CodeTableLookup(name, table == null ? Map.of() : table.values(), resolved));
    }

    private MappedField compileField(String name, FieldMapping field) {
        String path = "mapping.fields." + name;
        int before = problems.size();
        FieldSource source = compileSource(path, field);
        CodeTableLookup codeTable = field.codeTable() == null ? null : codeTable(path, field.codeTable());
        TypeConversion type = field.type() == null ? null : type(path, field.type());
        return problems.size() > before ? null : new MappedField(name, source, codeTable, type, field.isRequired());
    }

    private FieldSource compileSource(String path, FieldMapping field) {
        List<String> sources = new ArrayList<>();
        if (field.column() != null) {
            sources.add("column");
        }
        if (field.constant() != null) {
            sources.add("constant");
        }
        if (field.expression() != null) {
            sources.add("expression");
        }
        if (sources.size() != 1) {
            problems.add(new MappingProblem(path,
                    "needs exactly one of column, constant, expression; has " + listed(sources)));
            return null;
        }
        if (field.column() != null) {
            return column(path, field.column());
        }
        if (field.constant() != null) {
            return FieldSource.constant(field.constant());
        }
        JsonataExpression expression = compileExpression(path + ".expression", field.expression());
        return expression == null ? null : FieldSource.expression(expression);
    }

    private FieldSource column(String path, String column) {
        if (column.isBlank()) {
            problems.add(new MappingProblem(path + ".column", "is blank"));
            return null;
        }
        return FieldSource.column(column);
    }

    private JsonataExpression compileExpression(String path, String source) {
        if (source.isBlank()) {
            problems.add(new MappingProblem(path, "is blank"));
            return null;
        }
        try {
            return JsonataExpression.compile(source);
        } catch (JException e) {
            problems.add(new MappingProblem(path, "does not compile: " + e.getMessage()));
            return null;
        }
    }

    private CodeTableLookup codeTable(String path, String name) {
        if (!definition.codeTables().containsKey(name)) {
            String defined = definition.codeTables().isEmpty() ? "none" : String.join(", ", definition.codeTables().keySet());
            problems.add(new MappingProblem(path + ".codeTable",
                    "names code table '" + name + "', which is not defined (defined: " + defined + ")"));
        }
        // a defined table with a bad 'otherwise' is not in codeTables; its own problem is already noted
        return codeTables.get(name);
    }

    private TypeConversion type(String path, String type) {
        TypeConversion conversion = TypeConversion.named(type).orElse(null);
        if (conversion == null) {
            problems.add(new MappingProblem(path + ".type",
                    "must be one of " + TypeConversion.labels() + "; was '" + type + "'"));
        }
        return conversion;
    }

    // "none", "column and constant", "column, constant and expression"
    private static String listed(List<String> sources) {
        if (sources.isEmpty()) {
            return "none";
        }
        int last = sources.size() - 1;
        return last == 0 ? sources.get(0) : String.join(", ", sources.subList(0, last)) + " and " + sources.get(last);
    }
}
