/** The wallboard's update at 1,000 seats against a naive rebuild (JMH). */
package io.hotline.benchmarks.wallboard;
