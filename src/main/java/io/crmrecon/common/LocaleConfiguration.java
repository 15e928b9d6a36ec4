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
                String type = request.getContentType();
                if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                    return super.preHandle(request, response, handler);
                }
                // asking a multipart request for a parameter makes the container read all of its parts first; an
                // upload read as it arrives (bank files) must reach its controller unread: ?lang from the URL only
                String lang = org.springframework.web.util.UriComponentsBuilder.newInstance()
                        .query(request.getQueryString()).build().getQueryParams().getFirst("lang");
                LocaleResolver resolver = org.springframework.web.servlet.support.RequestContextUtils
                        .getLocaleResolver(request);
                if (lang != null && resolver != null) {
                    try {
                        resolver.setLocale(request, response,
                                org.springframework.util.StringUtils.parseLocale(lang.replace('-', '_')));
                    } catch (IllegalArgumentException ignored) {
                        // an unknown language changes nothing, as for any other request
                    }
                }
                return true;
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
