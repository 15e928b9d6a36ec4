# Build the application jar, then run it on a plain JRE.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN mvn -B -ntp -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --uid 10001 recon
COPY --from=build /src/target/crm-recon-*.jar /app/app.jar
USER recon
EXPOSE 8080
# the parallel collector: a 10,000-customer statement run took 7-9 % less time than with G1 (README)
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseParallelGC", "-jar", "/app/app.jar"]
