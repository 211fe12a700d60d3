package io.splice.reference;

import java.util.regex.Pattern;

/**
 * A parent's target id as its children send it: a whole number ({@code 42}, not {@code 042}) as a JSON number, like
 * the id the target answered; anything else as text. A mapping field with a {@code type} converts it further.
 */
final class TargetIdValue {

    // at most 18 digits: always a long; a leading zero would not survive the trip through a number
    private static final Pattern WHOLE_NUMBER = Pattern.compile("0|-?[1-9][0-9]{0,17}");

    private TargetIdValue() {
    }

    static Object of(String targetId) {
        return targetId != null && WHOLE_NUMBER.matcher(targetId).matches() ? (Object) Long.valueOf(targetId) : targetId;
    }
}
