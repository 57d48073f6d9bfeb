package org.opennps.invitation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({InvitationProperties.class, PublicUrlProperties.class})
class InvitationConfig {}
