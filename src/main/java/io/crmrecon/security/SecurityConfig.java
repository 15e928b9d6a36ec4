package io.crmrecon.security;

import static io.crmrecon.security.ReconGroups.ADMIN;
import static io.crmrecon.security.ReconGroups.CLERK;
import static io.crmrecon.security.ReconGroups.MANAGER;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.security.servlet.PathRequest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Chains: the Camunda webapps (their own login and CSRF), the JSON API and engine-rest
 * (HTTP Basic, stateless), the customer's pages, the actuator, and everything else (public pages, staff pages
 * behind a login form). The staff pages share the webapps' login: {@link CamundaSessionSecurityContextRepository}.
 *
 * <p>Patterns are explicit path-pattern matchers: engine-rest and the webapp APIs are Jersey servlets beside
 * Spring MVC's, and with several servlets Spring Security cannot guess what a plain string pattern means.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfig {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    /** Any request a browser marks as coming from another site; the API has no CORS, so none is legitimate. */
    private static final RequestMatcher CROSS_SITE = r -> "cross-site".equals(r.getHeader("Sec-Fetch-Site"));

    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
        // Cockpit, Tasklist, Admin and their /camunda/api/** log users in against the same identity service
        // and protect themselves with their own CSRF token; Spring only adds headers here.
        http.securityMatcher(paths("/camunda/**"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .headers(h -> h
                        // the webapps set their own caching for their static assets
                        .cacheControl(c -> c.disable())
                        // not no-referrer: browsers then send "Origin: null" with the webapps' own POSTs, which
                        // Camunda's CSRF filter refuses (a logout POST from a Tasklist page answered 403)
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, IdentityService identityService) throws Exception {
        var unauthorized = ProblemResponses.unauthorized(json);
        http.securityMatcher(paths("/api/**", "/engine-rest/**"))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(CROSS_SITE).denyAll()
                        // engine-rest: any user; Camunda authorization decides per resource
                        .requestMatchers(paths("/engine-rest/**")).authenticated()
                        // imports, runs and reversals are clerks' work; managers read (CONTRACT.md §1)
                        .requestMatchers(paths(POST,
                                "/api/customers/import", "/api/documents/import", "/api/documents",
                                "/api/bank-statements", "/api/matching/runs", "/api/statement-runs",
                                "/api/allocations/*/reversal"))
                                .hasAnyAuthority(CLERK, ADMIN)
                        // closing a month is a manager's; reopening it, an administrator's (the rule below)
                        .requestMatchers(paths(POST, "/api/periods/*/close")).hasAnyAuthority(MANAGER, ADMIN)
                        .requestMatchers(paths(GET, "/api/**")).hasAnyAuthority(CLERK, MANAGER, ADMIN)
                        // anything not listed above is for administrators until a rule here says otherwise
                        .anyRequest().hasAuthority(ADMIN))
                .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(ProblemResponses.forbidden(json)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
                // engine-rest runs as the caller; the JSON API's own engine calls run as the application
                .addFilterAfter(new CamundaAuthenticationFilter(identityService, paths("/engine-rest/**")),
                        AuthorizationFilter.class);
        return http.build();
    }

    /**
     * The customer's pages: the unguessable token in their URL is the credential, so no login, session or CSRF token
     * (a forged cross-site request would lack the token), and none of the staff's filters on the way.
     */
    @Bean
    @Order(3)
    SecurityFilterChain customerPages(HttpSecurity http) throws Exception {
        http.securityMatcher(paths("/s/**"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable())
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /**
     * Health and its probes for anyone (a load balancer, Kubernetes); the other endpoints (Prometheus) for staff, by
     * HTTP Basic (a scraper) or the webapps' session, and a 401 rather than the login page to a client that has
     * neither. No engine identity here: nothing an endpoint asks the engine may depend on who asks.
     */
    @Bean
    @Order(4)
    SecurityFilterChain actuator(HttpSecurity http, ProcessEngine engine) throws Exception {
        http.securityMatcher(paths("/actuator/**"))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(paths("/actuator/health", "/actuator/health/**")).permitAll()
                        .anyRequest().authenticated())
                .securityContext(c -> c.securityContextRepository(new CamundaSessionSecurityContextRepository(engine)))
                .httpBasic(b -> b.realmName(ProblemResponses.REALM))
                .requestCache(c -> c.disable())
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(5)
    SecurityFilterChain pages(HttpSecurity http, IdentityService identityService, ProcessEngine engine)
            throws Exception {
        http.authorizeHttpRequests(a -> a
                        // a streamed download (the lists' exports) ends in an async dispatch of a request that was
                        // authorized when it came in; a Basic login is not in the session to check again
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers(paths("/", "/login", "/logout", "/error")).permitAll()
                        .requestMatchers(PathRequest.toStaticResources().atCommonLocations()).permitAll()
                        // the matching workbench completes clerks' tasks
                        .requestMatchers(paths("/matching/**")).hasAnyAuthority(CLERK, ADMIN)
                        .requestMatchers(paths(POST, "/periods/*/close")).hasAnyAuthority(MANAGER, ADMIN)
                        .requestMatchers(paths(POST, "/periods/*/reopen")).hasAuthority(ADMIN)
                        // the lists and customer accounts: read by clerks and managers (CONTRACT.md §1)
                        .requestMatchers(paths("/receipts/**", "/customers", "/customers/**", "/statements",
                                "/statements/**", "/dashboard", "/reports/**", "/periods"))
                                .hasAnyAuthority(CLERK, MANAGER, ADMIN)
                        // staff pages: /dashboard, /dev/mailbox, Swagger UI and API docs
                        .anyRequest().authenticated())
                // the one login of the application is the Camunda webapps' (see the repository)
                .securityContext(c -> c.securityContextRepository(new CamundaSessionSecurityContextRepository(engine)))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/"))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").invalidateHttpSession(true))
                .httpBasic(b -> b.realmName(ProblemResponses.REALM))
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
                .addFilterBefore(new CamundaAuthenticationFilter(identityService), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * Requests are observed (timed, counted) as a whole, not filter by filter: an observation around each of the
     * security filters cost a sixth of a customer's page.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Before every other filter: the client's address and the scheme are settled first. */
    @Bean
    FilterRegistrationBean<TrustedProxies> trustedProxies(SecurityProperties settings) {
        FilterRegistrationBean<TrustedProxies> registration =
                new FilterRegistrationBean<>(new TrustedProxies(settings.trustedProxies()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }

    private static RequestMatcher paths(String... patterns) {
        return paths(null, patterns);
    }

    private static RequestMatcher paths(HttpMethod method, String... patterns) {
        return new OrRequestMatcher(Arrays.stream(patterns)
                .<RequestMatcher>map(p -> PATHS.matcher(method, p))
                .toList());
    }
}
