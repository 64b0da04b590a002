package io.hotline.ops.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads the optional Java-properties file named by {@link Setting#HOTLINE_CONFIG_FILE} (UTF-8). Every key must be
 * a setting: a typo in a file someone wrote on purpose is a mistake worth stopping for, unlike a stray
 * environment variable. Stateless.
 */
final class ConfigFile {

    private ConfigFile() {
    }

    static Map<Setting, String> read(Path file) {
        Properties properties = new Properties();
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            rejectDuplicates(file, text);
            properties.load(new StringReader(text));
        } catch (NoSuchFileException e) {
            throw fileProblem(file, "does not exist", e);
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: a malformed Unicode escape in the file.
            throw fileProblem(file, "cannot be read (" + e + ")", e);
        }
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        // Sorted, so that with several bad keys the error names the same one every time.
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            Setting setting = Setting.byKey(key).orElseThrow(() -> new InvalidSettingException(key,
                    key + " in " + Setting.HOTLINE_CONFIG_FILE.key() + " '" + file + "' is not a Hotline setting"
                            + Settings.suggestion(key)));
            if (setting == Setting.HOTLINE_CONFIG_FILE) {
                throw new InvalidSettingException(key, key + " cannot be set inside the config file '" + file
                        + "' itself; set it in the environment");
            }
            values.put(setting, properties.getProperty(key));
        }
        return values;
    }

    /** A key set twice is a mistake (which one was meant?), not a silent "the last one wins". */
    private static void rejectDuplicates(Path file, String text) {
        for (Map.Entry<String, List<Integer>> key : PropertiesLines.keyLines(text).entrySet()) {
            List<Integer> lines = key.getValue();
            if (lines.size() > 1) {
                throw new InvalidSettingException(key.getKey(), key.getKey() + " is set more than once in "
                        + Setting.HOTLINE_CONFIG_FILE.key() + " '" + file + "', on lines "
                        + lines.stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + ": keep one");
            }
        }
    }

    private static InvalidSettingException fileProblem(Path file, String problem, Exception cause) {
        String key = Setting.HOTLINE_CONFIG_FILE.key();
        return new InvalidSettingException(key, key + "='" + file + "' " + problem, cause);
    }
}
