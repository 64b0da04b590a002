package io.hotline.persistence.migration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotline.persistence.DatabaseUnavailableException;
import io.hotline.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MigrationFailureTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.empty();

    @Test
    void shouldFailWithOneReadableLineWhenTheDatabaseBelongsToSomethingElse() {
        // given a database that already holds a conflicting table of somebody else's
        DB.jdbi().useHandle(handle -> handle.execute("CREATE TABLE skill (other_column INT)"));

        // when / then
        assertThatThrownBy(() -> DB.database().migrate())
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("database migration failed: ")
                .satisfies(error -> org.assertj.core.api.Assertions.assertThat(error.getMessage())
                        .doesNotContain("\n").contains("non-empty schema", DB.schema()));
    }
}
