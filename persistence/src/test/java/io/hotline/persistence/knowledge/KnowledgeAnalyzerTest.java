package io.hotline.persistence.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class KnowledgeAnalyzerTest {
    private static final Analyzer ANALYZER = ArticleDocuments.analyzer();
    private static final String WORDS = ArticleDocuments.SOLUTION;
    private static final String PAIRS = ArticleDocuments.SOLUTION + ArticleDocuments.PAIRS;

    @AfterAll
    static void closeAnalyzer() {
        ANALYZER.close();
    }

    @Test
    void shouldSegmentAChineseSentenceIntoWords() {
        // when
        var terms = ArticleQueries.terms(ANALYZER, WORDS, "客户登录时提示许可证文件已过期");

        // then the word in the middle of the sentence is a term of its own; a word the dictionary lacks (过期) is
        // split into its characters, the same way in an article and in a query, so it is still found
        assertThat(terms).containsExactly("客户", "登录", "时", "提示", "许可证", "文件", "已", "过", "期");
        assertThat(ArticleQueries.terms(ANALYZER, WORDS, "许可证过期")).containsExactly("许可证", "过", "期");
    }

    @Test
    void shouldLowerCaseAndStemEnglishAndDropStopWords() {
        assertThat(ArticleQueries.terms(ANALYZER, WORDS, "The Licenses")).containsExactly("licens");
        assertThat(ArticleQueries.terms(ANALYZER, WORDS, "license")).containsExactly("licens");
        assertThat(ArticleQueries.terms(ANALYZER, WORDS, "vouchers posted")).containsExactly("voucher", "post");
    }

    @Test
    void shouldFoldFullWidthLatinTypedWithAChineseInputMethod() {
        assertThat(ArticleQueries.terms(ANALYZER, WORDS, "ＬＩＣＥＮＳＥ")).containsExactly("licens");
    }

    @Test
    void shouldSplitMixedChineseAndEnglish() {
        // letters and digits are split apart too, alike in articles and queries; 过期 is whole here, unlike above
        assertThat(ArticleQueries.terms(ANALYZER, WORDS, "U8的license过期了")).containsExactly("u", "8", "licens", "过期");
    }

    @Test
    void shouldPairChineseCharactersWhateverTheWordsAround() {
        // the pair 过期 is a term wherever the word analyzer cut it
        assertThat(ArticleQueries.terms(ANALYZER, PAIRS, "客户登录时提示许可证文件已过期")).contains("许可", "可证", "过期");
        // only pairs of Chinese characters: no English (the words have it), no lone character
        assertThat(ArticleQueries.terms(ANALYZER, PAIRS, "U8的license过期了")).containsExactly("过期", "期了");
    }

    @Test
    void shouldKeepOnlyTheFirstDistinctTermsOfALongText() {
        StringBuilder text = new StringBuilder();
        for (char first = 'b'; first <= 'z'; first++) {
            for (char second = 'b'; second <= 'z'; second++) {
                text.append('q').append(first).append(second).append(' ');
            }
        }

        assertThat(ArticleQueries.terms(ANALYZER, WORDS, text.toString())).hasSize(ArticleQueries.MAX_TERMS)
                .startsWith("qbb", "qbc");
    }
}
