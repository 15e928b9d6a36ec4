package io.crmrecon.common;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of the app's own pages and messages: the one chosen with {@code ?lang=zh|en} (kept in a cookie),
 * else the browser's first language we have, else Chinese. Texts come from {@code messages/*.properties}.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("recon-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            if (request.getHeader("Accept-Language") == null) {
                // the servlet container would answer with its own locale
                return Locale.SIMPLIFIED_CHINESE;
            }
            for (var languages = request.getLocales(); languages.hasMoreElements(); ) {
                Locale wanted = languages.nextElement();
                for (Locale supported : SUPPORTED) {
                    if (supported.getLanguage().equals(wanted.getLanguage())) {
                        return supported;
                    }
                }
            }
            return Locale.SIMPLIFIED_CHINESE;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(jakarta.servlet.http.HttpServletRequest request,
                    jakarta.servlet.http.HttpServletResponse response, Object handler)
                    throws jakarta.servlet.ServletException {
                // ?lang from the URL alone on an upload: its body stays unread for the controller
                return super.preHandle(StreamedUploadHandler.unreadBody(request), response, handler);
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
