package org.opennps.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opennps.delivery.OutboxStatus;
import org.opennps.invitation.InvitationStatus;
import org.opennps.loop.CaseStatus;
import org.opennps.survey.ScoreCategory;
import org.opennps.workspace.Role;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

class CodedTest {

    @Test
    void everyCodedEnumPrintsItsWord() {
        List<Class<?>> enums = codedEnums();
        assertThat(enums)
                .contains(
                        CaseStatus.class, InvitationStatus.class, OutboxStatus.class, Role.class, ScoreCategory.class);
        for (Class<?> type : enums) {
            for (Object constant : type.getEnumConstants()) {
                assertThat(constant.toString())
                        .as("%s.%s.toString()", type.getName(), ((Enum<?>) constant).name())
                        .isEqualTo(((Coded) constant).code());
            }
        }
    }

    @Test
    void theWordIsTheLowerCaseNameWorkedOutOnce() {
        assertThat(CaseStatus.IN_PROGRESS.code()).isEqualTo("in_progress");
        assertThat(CaseStatus.IN_PROGRESS.code()).isSameAs(CaseStatus.IN_PROGRESS.code());
        assertThat(Coded.from(CaseStatus.class, "in_progress")).isEqualTo(CaseStatus.IN_PROGRESS);
    }

    @Test
    void anUnknownWordNamesTheWordsThatAreKnown() {
        assertThatThrownBy(() -> Coded.from(CaseStatus.class, "IN_PROGRESS"))
                .isInstanceOf(UnknownCodeException.class)
                .extracting(e -> ((UnknownCodeException) e).allowed())
                .isEqualTo("must be one of open, in_progress, resolved");
        assertThatThrownBy(() -> Coded.from(CaseStatus.class, null)).isInstanceOf(UnknownCodeException.class);
    }

    /** Every enum under org.opennps implementing Coded, found on the class path. */
    private static List<Class<?>> codedEnums() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Coded.class));
        return scanner.findCandidateComponents("org.opennps").stream()
                .<Class<?>>map(definition -> ClassUtils.resolveClassName(definition.getBeanClassName(), null))
                .filter(Class::isEnum)
                .toList();
    }
}
