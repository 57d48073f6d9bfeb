package org.opennps;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OpenNpsApplication {

    public static void main(String[] args) {
        SpringApplication.run(OpenNpsApplication.class, args);
    }
}
