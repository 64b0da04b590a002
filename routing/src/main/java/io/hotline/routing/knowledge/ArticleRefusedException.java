package io.hotline.routing.knowledge;

import io.hotline.routing.HotlineException;

/**
 * A draft that cannot be published as asked: its product line is not a known one, or the work order it is written
 * from does not exist or is not resolved. Nothing was stored.
 */
public final class ArticleRefusedException extends HotlineException {
    private static final long serialVersionUID = 1L;

    public ArticleRefusedException(String message) {
        super(message);
    }
}
