package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.ops.config.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table is the operator's reference: every setting, with its real default. */
class ReadmeSettingsTest {

    @Test
    void shouldListEverySettingWithItsDefaultInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));

        for (Setting setting : Setting.values()) {
            String shown = setting.defaultValue() == null || setting.defaultValue().isEmpty()
                    ? "| `" + setting.key() + "` | (unset) |"
                    : "| `" + setting.key() + "` | `" + setting.defaultValue() + "` |";
            assertThat(readme).as("README row for %s", setting.key()).contains(shown);
        }
    }
}
