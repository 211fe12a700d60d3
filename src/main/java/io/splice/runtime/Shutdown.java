package io.splice.runtime;

import java.util.ArrayDeque;
import java.util.Deque;

import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes what Splice opened (pools, embedded broker) when Camel stops, in reverse order of opening. */
final class Shutdown extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    <T extends AutoCloseable> T register(T resource) {
        resources.push(resource);
        return resource;
    }

    @Override
    protected void doStop() {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Could not close {}: {}", resource.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
