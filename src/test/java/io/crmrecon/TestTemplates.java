package io.crmrecon;

import freemarker.template.Configuration;
import java.util.Properties;
import org.springframework.web.servlet.view.freemarker.FreeMarkerConfigurer;

/** The application's templates set up as Spring Boot sets them up: .ftlh escapes HTML, as it does in production. */
public final class TestTemplates {

    private TestTemplates() {
    }

    public static Configuration configuration() throws Exception {
        FreeMarkerConfigurer freemarker = new FreeMarkerConfigurer();
        freemarker.setTemplateLoaderPath("classpath:/templates/");
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setPreferFileSystemAccess(false);
        Properties settings = new Properties();
        settings.setProperty("recognize_standard_file_extensions", "true");
        freemarker.setFreemarkerSettings(settings);
        freemarker.afterPropertiesSet();
        return freemarker.getConfiguration();
    }
}
