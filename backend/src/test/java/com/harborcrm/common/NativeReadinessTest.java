package com.harborcrm.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.persistence.Entity;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a native build needs and no JVM test would notice (CI has no GraalVM): Harbor's own types inside jsonb
 * columns are (de)serialized by Hibernate's Jackson mapper, outside any REST signature that Quarkus registers
 * itself, so they must be registered for reflection; and the migrations must be among the native resources.
 */
class NativeReadinessTest {

    @Test
    void ownTypesInJsonColumnsAreRegisteredForReflection() throws Exception {
        List<String> entities = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Class<?> type : harborClasses()) {
            if (!type.isAnnotationPresent(Entity.class)) {
                continue;
            }
            entities.add(type.getSimpleName());
            for (Field field : type.getDeclaredFields()) {
                JdbcTypeCode code = field.getAnnotation(JdbcTypeCode.class);
                if (code == null || code.value() != SqlTypes.JSON) {
                    continue;
                }
                for (Class<?> used : ownTypes(field.getGenericType(), new ArrayList<>())) {
                    if (!used.isAnnotationPresent(RegisterForReflection.class)) {
                        missing.add(type.getSimpleName() + "." + field.getName() + " uses " + used.getName());
                    }
                }
            }
        }
        assertTrue(entities.contains("Customer"), "entities found: " + entities);
        assertEquals(List.of(), missing);
    }

    @Test
    void migrationsAreNativeResources() throws IOException {
        Properties properties = new Properties();
        try (var in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        }
        assertTrue(properties.getProperty("quarkus.native.resources.includes", "").contains("db/migration/"));
    }

    private static List<Class<?>> ownTypes(Type type, List<Class<?>> found) {
        if (type instanceof ParameterizedType parameterized) {
            ownTypes(parameterized.getRawType(), found);
            for (Type argument : parameterized.getActualTypeArguments()) {
                ownTypes(argument, found);
            }
        } else if (type instanceof Class<?> plain && plain.getName().startsWith("com.harborcrm.") && !plain.isEnum()) {
            found.add(plain);
        }
        return found;
    }

    /** Every compiled class of the application (target/classes), loaded without initialising it. */
    private static List<Class<?>> harborClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(NativeReadinessTest.class.getResource("/application.properties").toURI()).getParent();
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("com/harborcrm"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                classes.add(Class.forName(name, false, NativeReadinessTest.class.getClassLoader()));
            }
        }
        return classes;
    }
}
