package dev.runline.schemas.storage;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real S3 API server in this JVM: S3Proxy with its filesystem backend, for the local mode and the tests (no
 * Docker engine, no MinIO binary here). S3Proxy ships as one jar bundling its own Jetty, Guava, Jackson 2,
 * jclouds and logback, which would clash with the services' own; it is loaded from that jar in a class loader of
 * its own whose parent is the platform loader, so nothing of it is visible to Runline and nothing of Runline to
 * it, and driven through its public API by reflection.
 */
public final class EmbeddedS3Server implements AutoCloseable {

    /** The system property naming the S3Proxy jar (set by the build for the tests). */
    public static final String JAR_PROPERTY = "runline.s3proxy.jar";

    private final URLClassLoader loader;
    private final Object proxy;
    private final URI endpoint;
    private final String accessKey;
    private final String secretKey;

    private EmbeddedS3Server(URLClassLoader loader, Object proxy, URI endpoint, String accessKey, String secretKey) {
        this.loader = loader;
        this.proxy = proxy;
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /**
     * @param port 0 for any free port ({@link #endpoint()} tells which)
     */
    public static EmbeddedS3Server start(Path s3proxyJar, Path dataDir, int port, String accessKey, String secretKey) {
        if (!Files.isRegularFile(s3proxyJar)) {
            throw new IllegalStateException("No S3Proxy jar at " + s3proxyJar);
        }
        URLClassLoader loader = null;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            Files.createDirectories(dataDir);
            loader = new URLClassLoader("s3proxy", new URL[] {s3proxyJar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            // jclouds and Guice look classes up through the context class loader.
            thread.setContextClassLoader(loader);
            quietLogging(loader);
            Properties properties = new Properties();
            properties.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
            // Both signature versions: the AWS SDK signs with v4, older tools with v2.
            properties.setProperty("s3proxy.authorization", "aws-v2-or-v4");
            properties.setProperty("s3proxy.identity", accessKey);
            properties.setProperty("s3proxy.credential", secretKey);
            properties.setProperty("jclouds.provider", "filesystem");
            properties.setProperty("jclouds.filesystem.basedir", dataDir.toAbsolutePath().toString());
            Object blobStore = blobStore(loader, properties);
            Class<?> builderType = loader.loadClass("org.gaul.s3proxy.S3Proxy$Builder");
            Object builder = builderType.getMethod("fromProperties", Properties.class).invoke(null, properties);
            builderType.getMethod("blobStore", loader.loadClass("org.jclouds.blobstore.BlobStore")).invoke(builder, blobStore);
            Object proxy = builderType.getMethod("build").invoke(builder);
            Class<?> proxyType = proxy.getClass();
            proxyType.getMethod("start").invoke(proxy);
            awaitStarted(proxy);
            int actualPort = (int) proxyType.getMethod("getPort").invoke(proxy);
            return new EmbeddedS3Server(loader, proxy, URI.create("http://127.0.0.1:" + actualPort), accessKey, secretKey);
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            closeQuietly(loader);
            Throwable cause = e instanceof InvocationTargetException invocation ? invocation.getCause() : e;
            throw new IllegalStateException("S3Proxy did not start (" + s3proxyJar + "): " + cause, cause);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The jar named by {@value #JAR_PROPERTY}, as the build sets it for tests. */
    public static Path locateJar() {
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar == null || jar.isBlank()) {
            throw new IllegalStateException("Set -D" + JAR_PROPERTY + " to org.gaul:s3proxy:jar-with-dependencies (the"
                    + " build copies it to target/s3proxy/s3proxy.jar in generate-test-resources: run the tests with ./mvnw)");
        }
        return Path.of(jar);
    }

    private static Object blobStore(ClassLoader loader, Properties properties) throws ReflectiveOperationException {
        Class<?> contextBuilder = loader.loadClass("org.jclouds.ContextBuilder");
        Object builder = contextBuilder.getMethod("newBuilder", String.class).invoke(null, "filesystem");
        builder = contextBuilder.getMethod("overrides", Properties.class).invoke(builder, properties);
        Class<?> contextType = loader.loadClass("org.jclouds.blobstore.BlobStoreContext");
        Object context = contextBuilder.getMethod("buildView", Class.class).invoke(builder, contextType);
        return contextType.getMethod("getBlobStore").invoke(context);
    }

    /** S3Proxy logs every request at INFO through its own logback; only its warnings are worth a line here. */
    private static void quietLogging(ClassLoader loader) {
        try {
            Object factory = loader.loadClass("org.slf4j.LoggerFactory").getMethod("getILoggerFactory").invoke(null);
            Object root = factory.getClass().getMethod("getLogger", String.class).invoke(factory, "ROOT");
            Class<?> level = loader.loadClass("ch.qos.logback.classic.Level");
            Object warn = level.getField("WARN").get(null);
            root.getClass().getMethod("setLevel", level).invoke(root, warn);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Its INFO lines then stay on; harmless.
        }
    }

    private static void awaitStarted(Object proxy) throws ReflectiveOperationException {
        Method state = proxy.getClass().getMethod("getState");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(state.invoke(proxy))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy not started after 30 s (state " + state.invoke(proxy) + ")");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while S3Proxy was starting", e);
            }
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    @Override
    public void close() {
        try {
            proxy.getClass().getMethod("stop").invoke(proxy);
        } catch (ReflectiveOperationException e) {
            // Stopping is best effort: the JVM is usually on its way out.
        } finally {
            closeQuietly(loader);
        }
    }

    private static void closeQuietly(URLClassLoader loader) {
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
