package org.opennps.shared;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleDeserializers;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads every {@link Coded} enum from JSON by its word through {@link Coded#from}, the path
 * request parameters take too, so no enum needs a creator of its own. An unknown word fails the
 * read with the {@link UnknownCodeException} as its cause.
 */
@Component
class CodedJsonModule extends SimpleModule {

    CodedJsonModule() {
        super("coded-enums");
        setDeserializers(new ByWordDeserializers());
    }

    private static final class ByWordDeserializers extends SimpleDeserializers {

        @Override
        public ValueDeserializer<?> findEnumDeserializer(
                JavaType type, DeserializationConfig config, BeanDescription.Supplier description) {
            return coded(type.getRawClass())
                    ? new ByWord(type.getRawClass())
                    : super.findEnumDeserializer(type, config, description);
        }

        @Override
        public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
            return coded(valueType) || super.hasDeserializerFor(config, valueType);
        }

        private static boolean coded(Class<?> type) {
            return type.isEnum() && Coded.class.isAssignableFrom(type);
        }
    }

    private static final class ByWord extends StdScalarDeserializer<Object> {

        ByWord(Class<?> type) {
            super(type);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            try {
                return Coded.from((Class) handledType(), p.getString());
            } catch (UnknownCodeException unknown) {
                throw DatabindException.from(p, unknown.getMessage(), unknown);
            }
        }
    }
}
