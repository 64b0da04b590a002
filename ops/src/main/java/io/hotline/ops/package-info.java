/**
 * Operations support for Hotline: configuration loading ({@code config}), the Micrometer meter catalog and the
 * Prometheus registry ({@code metrics}), and periodic health checking ({@code health}). This package itself
 * holds no types; see the subpackages for their threading rules.
 */
package io.hotline.ops;
