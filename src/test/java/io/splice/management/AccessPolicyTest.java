package io.splice.management;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessPolicyTest {

    @Test
    void viewersReadOperatorsActAndEverythingElseIsRefused() {
        assertThat(AccessPolicy.required("GET", "/observe/health")).contains(ManagementRole.VIEWER);
        assertThat(AccessPolicy.required("GET", "/observe/health/live")).contains(ManagementRole.VIEWER);
        assertThat(AccessPolicy.required("GET", "/observe/metrics")).contains(ManagementRole.VIEWER);
        assertThat(AccessPolicy.required("POST", "/observe/jolokia/")).contains(ManagementRole.VIEWER);
        assertThat(AccessPolicy.required("GET", "/api/runs")).contains(ManagementRole.VIEWER);
        assertThat(AccessPolicy.required("POST", "/api/runs")).contains(ManagementRole.OPERATOR);
        assertThat(AccessPolicy.required("PUT", "/api/entities/x/rate")).contains(ManagementRole.OPERATOR);
        assertThat(AccessPolicy.required("DELETE", "/api/runs/1")).contains(ManagementRole.OPERATOR);

        assertThat(AccessPolicy.required("POST", "/observe/metrics")).isEmpty();
        assertThat(AccessPolicy.required("GET", "/observe/info")).isEmpty();
        assertThat(AccessPolicy.required("GET", "/observe/metricsx")).isEmpty();
        assertThat(AccessPolicy.required("GET", "/q/dev")).isEmpty();
        assertThat(AccessPolicy.required("POST", "/q/send/")).isEmpty();
        assertThat(AccessPolicy.required("PUT", "/q/upload/x")).isEmpty();
        assertThat(AccessPolicy.required("GET", "/")).isEmpty();
        assertThat(AccessPolicy.required("GET", "/apix")).isEmpty();
        assertThat(AccessPolicy.required("GET", "/api/../q/dev")).isEmpty();
        assertThat(AccessPolicy.required("TRACE", "/api/runs")).isEmpty();
    }
}
