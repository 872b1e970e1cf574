package io.careloop.engine.plugin;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careloop.engine.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginArchiveCheckTest {

    private static final PluginArchiveCheck.Limits LIMITS = new PluginArchiveCheck.Limits(1 << 20, 100, 8L << 20, 100);

    @TempDir
    Path dir;

    @Test
    void anOrdinaryArchiveWithFoldersPasses() throws IOException {
        byte[] zip = CraftedZips.zip(Map.of("plugin.properties", "plugin.id=x\n".getBytes(StandardCharsets.UTF_8),
                "lib/a.jar", CraftedZips.zip("io/x/B.class", "cafebabe"), "classes/io/x/A.class", new byte[] {1, 2, 3}));
        assertThatCode(() -> PluginArchiveCheck.check(write(zip), LIMITS)).doesNotThrowAnyException();
    }

    @Test
    void entriesThatLeaveTheFolderAreRefused() throws IOException {
        refused(CraftedZips.zip("../../evil.sh", "x"), "a path that leaves its folder: ../../evil.sh");
        refused(CraftedZips.zip("lib/../../evil.sh", "x"), "a path that leaves its folder");
        refused(CraftedZips.zip("..\\..\\evil.bat", "x"), "a path that leaves its folder");
        refused(CraftedZips.zip("/etc/cron.d/evil", "x"), "an absolute path: /etc/cron.d/evil");
        refused(CraftedZips.zip("C:/Windows/evil.dll", "x"), "an absolute path");
    }

    @Test
    void aLocalHeaderThatDisagreesWithTheCentralDirectoryIsCheckedToo() throws IOException {
        refused(CraftedZips.localNameDiffers("aa/evil.sh", "../evil.sh"), "a path that leaves its folder: ../evil.sh");
    }

    @Test
    void aSymbolicLinkIsRefused() throws IOException {
        refused(CraftedZips.symlink("lib/passwd"), "a symbolic link: lib/passwd");
    }

    @Test
    void zipBombsAreRefusedByRatioByInflatedSizeAndByEntryCount() throws IOException {
        refused(CraftedZips.bomb(4 << 20), "compressed more than 100 : 1");
        PluginArchiveCheck.Limits highRatio = new PluginArchiveCheck.Limits(1 << 20, 100, 2L << 20, 100_000);
        assertThatThrownBy(() -> PluginArchiveCheck.check(write(CraftedZips.bomb(4 << 20)), highRatio))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("inflates to more than 2097152 bytes");
        refused(CraftedZips.manyEntries(101), "101 entries; at most 100");
    }

    @Test
    void archivesInsideTheArchiveAreCheckedLikeIt() throws IOException {
        refused(nested("lib/evil.jar", CraftedZips.zip("../../evil.sh", "x")),
                "in lib/evil.jar: the archive holds a path that leaves its folder: ../../evil.sh");
        refused(nested("lib/link.jar", CraftedZips.symlink("META-INF/passwd")), "in lib/link.jar: the archive holds a symbolic link");
        refused(nested("lib/bomb.jar", CraftedZips.bomb(4 << 20)), "in lib/bomb.jar: the archive is compressed more than 100 : 1");
        refused(nested("lib/broken.jar", "not a zip".getBytes(StandardCharsets.UTF_8)), "in lib/broken.jar: not a zip or jar archive");
        // entries and inflated bytes of the archives inside count with the outer archive's
        refused(nested("lib/many.jar", CraftedZips.manyEntries(100)), "in lib/many.jar: the archive has more than 100 entries");
        // one level is checked; an archive inside an archive inside the plugin is refused
        refused(nested("lib/outer.jar", nested("inner.jar", CraftedZips.zip("A.class", "x"))),
                "in lib/outer.jar: an archive inside an archive inside the plugin: inner.jar");
    }

    @Test
    void somethingThatIsNoZipIsRefused() throws IOException {
        refused("just text".getBytes(StandardCharsets.UTF_8), "not a zip or jar archive");
    }

    private static byte[] nested(String name, byte[] archive) {
        return CraftedZips.zip(Map.of("plugin.properties", "plugin.id=x\n".getBytes(StandardCharsets.UTF_8), name, archive));
    }

    private void refused(byte[] archive, String message) throws IOException {
        Path p = write(archive);
        assertThatThrownBy(() -> PluginArchiveCheck.check(p, LIMITS)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("plugin archive refused").hasMessageContaining(message)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("file");
    }

    private Path write(byte[] archive) throws IOException {
        Path p = Files.createTempFile(dir, "archive-", ".zip");
        Files.write(p, archive);
        return p;
    }
}
