package org.opennps.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo workspace.
 *
 * @param enabled whether the first start creates the demo workspace {@code demo} (default true)
 */
@ConfigurationProperties("opennps.demo")
record DemoProperties(@DefaultValue("true") boolean enabled) {}
