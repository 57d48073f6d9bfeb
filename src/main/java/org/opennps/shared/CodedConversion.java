package org.opennps.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Binds request parameters of a {@link Coded} enum by their word ({@code ?status=in_progress}),
 * not by the constant's Java name; an empty parameter is absent. An unknown word fails the
 * binding with {@link UnknownCodeException}, which {@code ProblemAdvice} answers with 422.
 */
@Configuration(proxyBeanMethods = false)
class CodedConversion implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new ByWord());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final class ByWord implements ConverterFactory<String, Coded> {

        @Override
        public <T extends Coded> Converter<String, T> getConverter(Class<T> targetType) {
            return source -> source.isEmpty() ? null : (T) Coded.from((Class) targetType, source);
        }
    }
}
