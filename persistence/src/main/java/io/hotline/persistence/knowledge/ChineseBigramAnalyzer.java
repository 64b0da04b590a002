package io.hotline.persistence.knowledge;

import java.io.Reader;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Every pair of adjacent Chinese characters as a term ({@code 已过期} gives {@code 已过 过期}), and nothing else. It
 * backs up {@link BilingualAnalyzer}, whose segmentation depends on the context: smartcn keeps {@code 过期} whole in
 * {@code license过期了} but splits it in {@code 已过期}, so a word typed alone may not be the term it became inside
 * an article's sentence. Its pair always is. Non-Chinese text is left to the word analyzer, so English is not
 * counted twice. Thread-safe.
 */
final class ChineseBigramAnalyzer extends Analyzer {

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new CJKWidthCharFilter(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream result = new CJKBigramFilter(tokenizer, CJKBigramFilter.HAN);
        result = new TypeTokenFilter(result, Set.of(CJKBigramFilter.DOUBLE_TYPE), true);
        return new TokenStreamComponents(tokenizer, result);
    }
}
