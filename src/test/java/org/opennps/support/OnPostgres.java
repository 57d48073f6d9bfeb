package org.opennps.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The same integration test on PostgreSQL at {@code OPENNPS_TEST_DB_URL} (user
 * {@code OPENNPS_TEST_DB_USER}, password {@code OPENNPS_TEST_DB_PASSWORD}); skipped with a
 * message when the URL is not set, and failing instead when {@code OPENNPS_TEST_DB_REQUIRED=true}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresAvailable.class)
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestSupportConfig.class)
@ActiveProfiles("pgtest")
public @interface OnPostgres {}
