package io.crmrecon.common;

import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializerBase;
import java.math.BigDecimal;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Amounts leave the API as strings with their minor digits ("12800.00"): a JSON number would lose the trailing
 * zeros and, in many clients, pass through a double.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer amountsAsStrings() {
        SimpleModule module = new SimpleModule("amounts-as-strings");
        module.addSerializer(BigDecimal.class, new ToStringSerializerBase(BigDecimal.class) {
            @Override
            public String valueToString(Object value) {
                return ((BigDecimal) value).toPlainString();
            }
        });
        return builder -> builder.modulesToInstall(module);
    }
}
