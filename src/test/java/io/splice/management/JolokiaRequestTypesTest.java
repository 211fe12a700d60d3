package io.splice.management;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JolokiaRequestTypesTest {

    @Test
    void typesAreReadFromTheGetPathAndFromEveryRequestOfAPost() {
        assertThat(JolokiaRequestTypes.ofGet("/read/java.lang:type=Memory")).containsExactly("read");
        assertThat(JolokiaRequestTypes.ofGet("/")).containsExactly("version");
        assertThat(JolokiaRequestTypes.ofGet("/EXEC/x/y")).containsExactly("exec");
        assertThat(JolokiaRequestTypes.ofPost("{\"type\":\"read\",\"mbean\":\"x\"}")).containsExactly("read");
        assertThat(JolokiaRequestTypes.ofPost("[{\"type\":\"version\"},{\"type\":\"notification\"},{}]"))
                .containsExactly("version", "notification", "");
    }

    @Test
    void notificationsConfigAndUnreadableRequestsAreRefused() {
        assertThatThrownBy(() -> JolokiaRequestTypes.requireAllowed(List.of("read", "notification")))
                .isInstanceOf(SecurityException.class).hasMessageContaining("'notification'");
        assertThatThrownBy(() -> JolokiaRequestTypes.requireAllowed(List.of("")))
                .isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> JolokiaRequestTypes.ofPost("{not json")).isInstanceOf(SecurityException.class);
        JolokiaRequestTypes.requireAllowed(List.of("read", "list", "search", "version", "exec", "write"));
    }
}
