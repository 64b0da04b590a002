package io.hotline.persistence.seed;

import java.util.HashSet;
import java.util.Set;

/**
 * Issues people's names (surname first, in pinyin), never the same name twice, so a name in a report or on a
 * wallboard points at one person. Not thread-safe: confined to one generation.
 */
final class PersonNames {
    private final DemoRandom random;
    private final Set<String> issued = new HashSet<>();

    PersonNames(DemoRandom random) {
        this.random = random;
    }

    /** A new name, e.g. {@code Wang Fang}. */
    String next() {
        String name;
        do {
            name = random.pick(DemoCatalog.SURNAMES) + " " + random.pick(DemoCatalog.GIVEN_NAMES);
        } while (!issued.add(name));
        return name;
    }
}
