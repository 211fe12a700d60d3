# Splice as a container image: build the jar first (mvn -B -DskipTests package), then docker build .
FROM eclipse-temurin:17-jre
WORKDIR /opt/splice
COPY target/splice.jar ./splice.jar
COPY target/lib ./lib
COPY routes ./routes
COPY config ./config
COPY broker ./broker
# the work dir holds reports (and, with the embedded broker, its journal): mount a volume here
VOLUME /opt/splice/work
# config/jvm.options: a bounded heap, exit on out of memory (see the file)
ENTRYPOINT ["java", "@/opt/splice/config/jvm.options", "-jar", "/opt/splice/splice.jar"]
CMD ["run", "--help"]
