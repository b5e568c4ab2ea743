package org.sparksweep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one way the store publishes a file: whole or not at all, and what happens when one is there already. */
class AtomicFilesTest {
    @TempDir
    Path dir;
    final Configuration conf = new Configuration();

    org.apache.hadoop.fs.Path target(String name) {
        return new org.apache.hadoop.fs.Path(dir.resolve("sub/" + name).toUri());
    }

    @Test
    void replaceKeepAndExclusiveCreate() throws Exception {
        assertTrue(AtomicFiles.write(target("a"), bytes("one"), AtomicFiles.IfPresent.FAIL, conf), "created, with its directory");
        assertFalse(AtomicFiles.write(target("a"), bytes("two"), AtomicFiles.IfPresent.FAIL, conf), "an exclusive create finds it there");
        assertFalse(AtomicFiles.write(target("a"), bytes("two"), AtomicFiles.IfPresent.KEEP, conf));
        assertEquals("one", Files.readString(dir.resolve("sub/a")));
        assertTrue(AtomicFiles.write(target("a"), bytes("three"), AtomicFiles.IfPresent.REPLACE, conf));
        assertEquals("three", Files.readString(dir.resolve("sub/a")));
        assertEquals("three", new String(AtomicFiles.readIfPresent(target("a"), conf), StandardCharsets.UTF_8));
        assertEquals(null, AtomicFiles.readIfPresent(target("none"), conf));
        assertEquals(List.of("a"), names(), "no temporary or checksum files are left");
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws Exception {
        var fs = AtomicFiles.raw(target("b").getFileSystem(conf));
        try {
            AtomicFiles.publish(fs, target("b"), AtomicFiles.IfPresent.FAIL, conf, (f, temp) -> {
                try (var out = f.create(temp, false)) {
                    out.write(1);
                }
                throw new java.io.IOException("disk full");
            });
        } catch (java.io.IOException e) {
            assertEquals("disk full", e.getMessage());
        }
        assertEquals(List.of(), names());
    }

    List<String> names() throws Exception {
        Path sub = dir.resolve("sub");
        if (!Files.exists(sub)) return List.of();
        try (Stream<Path> s = Files.list(sub)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
