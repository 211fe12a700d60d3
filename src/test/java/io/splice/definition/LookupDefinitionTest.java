package io.splice.definition;

import static io.splice.testing.ShopDefinition.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An entity's look-up (target.lookup, or its shorthand lookupPath): each mistake in one line naming the field. */
class LookupDefinitionTest {

    private static final String PATH = "    target:\n      path: /api/customers\n";
    private static final String AT = "shop.yaml: entity 'customers': ";

    @RegisterExtension
    static final DefinitionCheck check = new DefinitionCheck();

    @TempDir
    Path dir;

    @Test
    void aSearchLookupWithItsPointersAndStatusesIsValid() throws Exception {
        assertThat(check.problems(dir, withLookup("lookup: { path: \"/api/customers?name={name}&id={legacyId}\","
                + " idPointer: /uuid, listPointer: /content, notFound: [404, 410] }"))).isEmpty();
        assertThat(check.problems(dir, withLookup("lookupPath: /api/customers/by-key/{idempotencyKey}"))).isEmpty();
    }

    @Test
    void aPlaceholderTheMappingDoesNotHaveIsNamed() throws Exception {
        assertThat(check.problems(dir, withLookup("lookup: { path: \"/api/customers?email={email}\" }"))).containsExactly(
                AT + "target.lookup.path: {email} is not a field of the mapping (fields: legacyId, name; or {idempotencyKey})");
        assertThat(check.problems(dir, withLookup("lookupPath: /api/customers?email={email}"))).containsExactly(
                AT + "target.lookupPath: {email} is not a field of the mapping (fields: legacyId, name; or {idempotencyKey})");
    }

    @Test
    void aPathWithoutAnyPlaceholderWouldFindTheSameForEveryRecord() throws Exception {
        assertThat(check.problems(dir, withLookup("lookup: { path: /api/customers }"))).containsExactly(
                AT + "target.lookup.path: must contain {idempotencyKey} or a {field} of the mapped record (without one"
                        + " every record finds the same), was '/api/customers'");
    }

    @Test
    void pointersMustBeJsonPointers() throws Exception {
        assertThat(check.problems(dir, withLookup("lookup: { path: \"/api/customers?name={name}\", listPointer: items,"
                + " idPointer: data/id }"))).containsExactly(
                AT + "target.lookup.idPointer: must be a JSON pointer (empty, or starting with /, ~ only as ~0 or ~1), was 'data/id'",
                AT + "target.lookup.listPointer: must be a JSON pointer (empty, or starting with /, ~ only as ~0 or ~1), was 'items'");
    }

    @Test
    void notFoundListsOnlyAnswersThatAreNotRetried() throws Exception {
        assertThat(check.problems(dir, withLookup("lookup: { path: \"/api/customers?name={name}\", notFound: [404, 429] }")))
                .containsExactly(AT + "target.lookup.notFound: must list 4xx statuses meaning absent (not 408 or 429,"
                        + " which are retried), was 429");
    }

    @Test
    void lookupAndItsShorthandTogetherAreAmbiguous() throws Exception {
        assertThat(check.problems(dir, withLookup("lookupPath: /api/customers/by-key/{idempotencyKey}\n"
                + "      lookup: { path: \"/api/customers?name={name}\" }"))).containsExactly(
                AT + "target.lookup: give either lookup or lookupPath (its shorthand), not both");
    }

    private static String withLookup(String lookup) {
        return with(PATH, PATH + "      " + lookup + "\n");
    }
}
