package io.hotline.persistence.knowledge;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;

/**
 * Splits Chinese and English text, mixed as seats write it, into index terms. Chinese is segmented into words by
 * smartcn's hidden Markov model ({@code 客户登录时提示许可证文件已过期} gives {@code 客户 登录 时 提示 许可证 文件 已 过 期}),
 * so a word inside a sentence is found (words the dictionary lacks fall apart into characters: see
 * {@link ChineseBigramAnalyzer}); English words are lower-cased and Porter-stemmed ({@code licenses} and
 * {@code license} are one term). Full-width Latin letters and digits, common in Chinese input, are folded to their
 * ASCII forms first. Stop words: smartcn's punctuation, English function words and a few Chinese particles.
 *
 * <p>This is {@link SmartChineseAnalyzer}'s chain with the width folding, the lower-casing and the longer stop list
 * added. Thread-safe (Lucene analyzers keep per-thread token streams).
 */
final class BilingualAnalyzer extends Analyzer {
    private static final CharArraySet STOP_WORDS = stopWords();

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new CJKWidthCharFilter(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new HMMChineseTokenizer();
        TokenStream result = new LowerCaseFilter(tokenizer);
        result = new StopFilter(result, STOP_WORDS);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(tokenizer, result);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new CJKWidthCharFilter(reader);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    private static CharArraySet stopWords() {
        CharArraySet words = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), false);
        words.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        for (String particle : new String[] {"的", "了", "吗", "呢", "吧", "啊", "和", "与", "及", "或"}) {
            words.add(particle);
        }
        return CharArraySet.unmodifiableSet(words);
    }
}
