package io.hotline.persistence.dao;

import static io.hotline.persistence.dao.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KnowledgeBaseDaoTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    @BeforeAll
    static void givenCommittedArticles() {
        // Each insert autocommits: InnoDB's full-text index sees a row only after its commit.
        KnowledgeBaseDao kb = DB.jdbi().onDemand(KnowledgeBaseDao.class);
        kb.insert(article("KB-1", "Payroll run stops at 90%",
                "Rebuild the payroll ledger index, then restart the batch scheduler."));
        kb.insert(article("KB-2", "Printer queue stuck",
                "Clear the spooler and reinstall the thermal printer firmware."));
        kb.insert(article("KB-3", "Licence expired banner",
                "Import the renewed licence file from the vendor portal."));
    }

    @Test
    void shouldFindAnArticleByAWordInItsBody() {
        // when a seat searches for a word that appears only in one body
        List<KbArticleRow> hits = DB.jdbi().onDemand(KnowledgeBaseDao.class).search("spooler", 10);

        // then
        assertThat(hits).extracting(KbArticleRow::code).containsExactly("KB-2");
        assertThat(hits.get(0).createdAt()).isEqualTo(T0);
    }

    @Test
    void shouldRankByRelevanceAndFindNothingForAnUnknownWord() {
        KnowledgeBaseDao kb = DB.jdbi().onDemand(KnowledgeBaseDao.class);

        assertThat(kb.search("payroll ledger scheduler", 10)).extracting(KbArticleRow::code).first()
                .isEqualTo("KB-1");
        assertThat(kb.search("kangaroo", 10)).isEmpty();
    }

    @Test
    void shouldTreatSearchTextAsData() {
        List<KbArticleRow> hits = DB.jdbi().onDemand(KnowledgeBaseDao.class)
                .search("x') OR 1=1 -- ' ; DROP TABLE kb_article", 10);

        assertThat(hits).isEmpty();
        assertThat(DB.jdbi().onDemand(KnowledgeBaseDao.class).findByCode("KB-3")).get()
                .extracting(KbArticleRow::title).isEqualTo("Licence expired banner");
    }

    private static KbArticleRow article(String code, String title, String body) {
        return new KbArticleRow(0, code, title, body, null, null, "S-ALICE", T0, T0);
    }
}
