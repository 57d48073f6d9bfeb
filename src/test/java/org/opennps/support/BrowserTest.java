package org.opennps.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that drives headless Chromium ({@link Browsers}). Skipped with a message where
 * Chromium or its driver is missing, and failing instead when
 * {@code OPENNPS_TEST_BROWSER_REQUIRED=true}. Combine with {@link OnH2}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserAvailable.class)
@Tag("browser")
public @interface BrowserTest {}
