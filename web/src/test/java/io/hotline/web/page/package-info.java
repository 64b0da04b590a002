/**
 * Tests of the desktop page Hotline serves at {@code /}: a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, driven by Selenium, nothing downloaded) against the page's static files and a fake of
 * the people API ({@code docs/api.md}) on loopback. Each test class owns one browser, used from the test thread.
 */
package io.hotline.web.page;
