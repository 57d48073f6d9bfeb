package org.opennps.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller that renders admin UI pages for a signed-in user; such pages get the
 * current workspace in their model (as {@code currentWorkspace}) for the navigation bar.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface AdminPage {}
