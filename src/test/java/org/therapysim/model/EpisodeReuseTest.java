package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;

/**
 * The running state of an ended episode, taken again from the pool, begins the next episode
 * exactly as a new one would: no count, total, draw or wait of the old episode leaks into it.
 */
class EpisodeReuseTest {
    @Test
    void aReusedEpisodeStateBeginsLikeANewOne() throws Exception {
        final Class<?> type = Class.forName(Patient.class.getName() + "$Episode");
        final Constructor<?> make = type.getDeclaredConstructor();
        make.setAccessible(true);
        final Method begin = type.getDeclaredMethod("begin", int.class, int.class);
        begin.setAccessible(true);
        final Therapist therapist = new Therapist(7, TestScenarios.defaults().workforce(), 1.0, new TraitSampler(),
                RandomStreams.generator(1));

        final Object fresh = make.newInstance();
        begin.invoke(fresh, 5, 20);
        final Object used = make.newInstance();
        int fields = 0;
        for (final Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            final Class<?> t = f.getType();
            if (t == int.class) {
                f.setInt(used, 77);
            } else if (t == double.class) {
                f.setDouble(used, 0.77);
            } else if (t == boolean.class) {
                f.setBoolean(used, true);
            } else if (t == String.class) {
                f.set(used, "left over");
            } else if (t == Therapist.class) {
                f.set(used, therapist);
            } else {
                throw new AssertionError("a field of a type this test cannot fill: " + f);
            }
            assertNotEquals(f.get(fresh), f.get(used), f.getName());
            fields++;
        }
        begin.invoke(used, 5, 20);
        for (final Field f : type.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                f.setAccessible(true);
                assertEquals(f.get(fresh), f.get(used), "field " + f.getName() + " kept the last episode's value");
            }
        }
        assertEquals(51, fields, "every field of the episode's state was checked");
    }
}
