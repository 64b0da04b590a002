/** Tests of configuration loading and validation. Single-threaded. */
package io.hotline.ops.config;
