package io.hotline.persistence.knowledge;

import static io.hotline.persistence.knowledge.KnowledgeArticles.article;
import static io.hotline.persistence.knowledge.KnowledgeArticles.productLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.knowledge.Article;
import io.hotline.routing.knowledge.KnowledgeHit;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KnowledgeBaseSearchTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private static LuceneKnowledgeBase knowledgeBase;

    @BeforeAll
    static void givenArticlesInTheDatabaseBeforeStart() {
        productLine(DB.jdbi(), "SMB_T3");
        productLine(DB.jdbi(), "ERP_U8");
        article(DB.jdbi(), "KB-0001", "SMB_T3", "T3 登录失败", "客户登录时提示许可证文件已过期",
                "打开管理工具，导入续费后收到的新文件，然后重新登录。");
        article(DB.jdbi(), "KB-0002", "ERP_U8", "U8 月末结账失败", "结账时提示存在未记账凭证",
                "先审核并记账本月所有凭证，再重新执行结账检查。");
        article(DB.jdbi(), "KB-0003", "SMB_T3", "T3: \"license has expired\" at login",
                "The login dialog says the license has expired.", "Import the renewed license file.");
        article(DB.jdbi(), "KB-0004", "ERP_U8", "U8: client cannot connect after the server moved",
                "Clients time out at login.", "Re-register the service and check the licensing service runs.");
        article(DB.jdbi(), "KB-0005", "SMB_T3", "Backup fails", "",
                "Move old sets to external storage and free the disk.");
        article(DB.jdbi(), "KB-0006", "ERP_U8", "Slow reports after the year end", "",
                "Archive closed years after taking a backup of the database.");
        article(DB.jdbi(), "KB-0007", null, "Remote assistance tool will not start", "",
                "Reinstall the remote assistance client; the license key is in the welcome e-mail.");
        knowledgeBase = LuceneKnowledgeBase.open(DB.jdbi(), InstantSource.fixed(KnowledgeArticles.T0));
    }

    @AfterAll
    static void closeKnowledgeBase() {
        knowledgeBase.close();
    }

    @Test
    void shouldFindAChineseArticleByAWordInsideASentence() {
        // when a seat searches for a word that only appears inside the symptom sentence
        List<KnowledgeHit> hits = knowledgeBase.search("许可证", Optional.empty(), 10);

        // then
        assertThat(codes(hits)).containsExactly("KB-0001");
        assertThat(hits.get(0).fragments()).containsExactly("客户登录时提示<mark>许可证</mark>文件已过期");
        assertThat(hits.get(0).title()).isEqualTo("T3 登录失败");
    }

    @Test
    void shouldFindChineseArticlesByASentenceQuery() {
        List<KnowledgeHit> hits = knowledgeBase.search("月末结账的时候失败了怎么办", Optional.empty(), 10);

        assertThat(codes(hits)).first().isEqualTo("KB-0002");
        assertThat(hits.get(0).title()).isEqualTo("U8 <mark>月末</mark><mark>结账</mark><mark>失败</mark>");
    }

    @Test
    void shouldFindEnglishArticlesByAnotherFormOfTheWord() {
        // when the query says "licenses" and the articles "license" and "licensing"
        List<KnowledgeHit> hits = knowledgeBase.search("Licenses", Optional.empty(), 10);

        // then the article with the word in its title ranks first, and the title is escaped and marked
        assertThat(codes(hits)).containsExactlyInAnyOrder("KB-0003", "KB-0007", "KB-0004").first()
                .isEqualTo("KB-0003");
        assertThat(hits.get(0).title()).isEqualTo("T3: &quot;<mark>license</mark> has expired&quot; at login");
        assertThat(hits.get(0).fragments()).containsExactly(
                "The login dialog says the <mark>license</mark> has expired.",
                "Import the renewed <mark>license</mark> file.");
        assertThat(hits).filteredOn(hit -> hit.article().code().equals("KB-0004")).singleElement()
                .extracting(KnowledgeHit::fragments).asList()
                .containsExactly("Re-register the service and check the <mark>licensing</mark> service runs.");
    }

    @Test
    void shouldFindAWordThatTheSegmenterCutDifferentlyInTheArticle() {
        // given 过期 is cut into 过 and 期 inside the article's 已过期, but kept whole in the query's 的证书过期了
        // when
        List<KnowledgeHit> hits = knowledgeBase.search("许可证书过期了", Optional.empty(), 10);

        // then its character pair finds and marks it
        assertThat(codes(hits)).first().isEqualTo("KB-0001");
        assertThat(hits.get(0).fragments()).containsExactly("客户登录时提示<mark>许可证</mark>文件已过期");
        assertThat(codes(knowledgeBase.search("过期", Optional.empty(), 10))).containsExactly("KB-0001");
    }

    @Test
    void shouldRankATitleMatchAboveABodyOnlyMatch() {
        // when a word is in one article's title and another's solution only
        List<KnowledgeHit> hits = knowledgeBase.search("backups", Optional.empty(), 10);

        // then
        assertThat(codes(hits)).containsExactly("KB-0005", "KB-0006");
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
        // only the title matched: the fragment is the start of the solution
        assertThat(hits.get(0).title()).isEqualTo("<mark>Backup</mark> fails");
        assertThat(hits.get(0).fragments()).containsExactly("Move old sets to external storage and free the disk.");
        assertThat(hits.get(1).fragments()).containsExactly(
                "Archive closed years after taking a <mark>backup</mark> of the database.");
    }

    @Test
    void shouldLimitToTheProductLineAndArticlesForEveryProduct() {
        // when
        List<KnowledgeHit> t3 = knowledgeBase.search("license", Optional.of("SMB_T3"), 10);
        List<KnowledgeHit> u8 = knowledgeBase.search("license", Optional.of("ERP_U8"), 10);
        List<KnowledgeHit> other = knowledgeBase.search("license", Optional.of("HR"), 10);

        // then
        assertThat(codes(t3)).containsExactly("KB-0003", "KB-0007");
        assertThat(codes(u8)).containsExactlyInAnyOrder("KB-0007", "KB-0004");
        assertThat(codes(other)).containsExactly("KB-0007");
        assertThat(t3.get(0).article().productLine()).isEqualTo("SMB_T3");
        assertThat(t3.get(1).article().productLine()).isNull();
    }

    @Test
    void shouldSuggestArticlesForAWorkOrderFromItsProductLineAndText() {
        // given a work order's text in Chinese, and one in English
        String chinese = "客户来电：T3 登录时报许可证过期，无法进入系统，请尽快处理";
        String english = "Caller reports: the license has expired message at login, cannot work";

        // when
        List<KnowledgeHit> forChinese = knowledgeBase.suggest(Optional.of("SMB_T3"), chinese, 3);
        List<KnowledgeHit> forEnglish = knowledgeBase.suggest(Optional.of("SMB_T3"), english, 3);

        // then the matching article of its product line comes first, none of another product line comes at all
        assertThat(codes(forChinese)).first().isEqualTo("KB-0001");
        assertThat(codes(forEnglish)).first().isEqualTo("KB-0003");
        assertThat(forChinese).extracting(hit -> hit.article().productLine()).doesNotContain("ERP_U8");
        assertThat(forEnglish).extracting(hit -> hit.article().productLine()).doesNotContain("ERP_U8");
        assertThat(knowledgeBase.suggest(Optional.empty(), "  ", 3)).isEmpty();
    }

    @Test
    void shouldTreatQuerySyntaxAsPlainWords() {
        // when a user types Lucene syntax, half-finished
        List<KnowledgeHit> hits = knowledgeBase.search("title:(license AND \"unterminated* ~", Optional.empty(), 10);

        // then it is words like any other, and nothing breaks
        assertThat(codes(hits)).contains("KB-0003");
        assertThat(knowledgeBase.search("?!*（）—", Optional.empty(), 10)).isEmpty();
        assertThat(knowledgeBase.search("x') OR 1=1 -- ; DROP TABLE kb_article", Optional.empty(), 10)).isEmpty();
        assertThat(KnowledgeArticles.count(DB.jdbi())).isEqualTo(7);
    }

    @Test
    void shouldRefuseABlankOrOverlongQueryAndALimitOutOfRange() {
        assertThatThrownBy(() -> knowledgeBase.search(" ", Optional.empty(), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> knowledgeBase.search("许".repeat(501), Optional.empty(), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("500");
        assertThatThrownBy(() -> knowledgeBase.search("license", Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> knowledgeBase.suggest(Optional.of(" "), "license", 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("productLine");
    }

    @Test
    void shouldReadAnArticleByItsCodeWithItsStoredTimes() {
        Optional<Article> article = knowledgeBase.article("KB-0002");

        assertThat(article).get().extracting(Article::createdAt).isEqualTo(KnowledgeArticles.T0);
        assertThat(article.get().symptoms()).isEqualTo("结账时提示存在未记账凭证");
        assertThat(knowledgeBase.article("KB-9999")).isEmpty();
        assertThat(knowledgeBase.size()).isEqualTo(7);
    }

    private static List<String> codes(List<KnowledgeHit> hits) {
        return hits.stream().map(hit -> hit.article().code()).toList();
    }
}
