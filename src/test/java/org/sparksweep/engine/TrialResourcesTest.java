package org.sparksweep.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which masters get a sweep's resources: as a stage-level task resource profile. */
class TrialResourcesTest {
    @Test
    void onlyClusterMastersScheduleByTaskResources() {
        assertTrue(TrialResources.appliesTo("spark://127.0.0.1:7077"));
        assertTrue(TrialResources.appliesTo("yarn"));
        assertTrue(TrialResources.appliesTo("k8s://https://api:6443"));
        assertTrue(TrialResources.appliesTo("local-cluster[2,1,1024]"));
        assertFalse(TrialResources.appliesTo("local[*]"));
        assertFalse(TrialResources.appliesTo("local[2]"));
    }
}
