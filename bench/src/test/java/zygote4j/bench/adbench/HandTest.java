package zygote4j.bench.adbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class HandTest {
    @Test
    void readsTheModel() throws IOException {
        HandModel m = HandModel.read(Resources.adbench("data/hand/model"));
        assertEquals(22, m.boneCount());
        assertEquals(544, m.vertexCount());
        assertEquals(1084 * 3, m.triangles().length);
        assertEquals("wrist", m.boneNames()[0]);
        assertEquals(-1, m.parents()[0]);
        assertEquals(1, m.parents()[2]);
        assertEquals(0.9205236434936523, m.baseRelatives()[0], 0);
        assertEquals(0.9205235242843628, m.inverseBaseAbsolutes()[0], 0);
        assertEquals(0.028303472325205803, m.positions()[0], 0);
        // Vertex 0: bones 2, 0, 3, 5 with these weights.
        int nv = m.vertexCount();
        assertEquals(0.2707933843876052, m.weights()[2 * nv], 0);
        assertEquals(0.3625080610927875, m.weights()[0], 0);
        assertEquals(0.2437626707111821, m.weights()[5 * nv], 0);
        assertEquals(290, m.triangles()[0]);
        // Every vertex's weights sum to 1.
        for (int v = 0; v < nv; v++) {
            double s = 0;
            for (int b = 0; b < m.boneCount(); b++) s += m.weights()[b * nv + v];
            assertEquals(1, s, 1e-6, "weights of vertex " + v);
        }
    }

    @Test
    void readsSimpleAndComplicatedInstances() throws IOException {
        HandInput s = HandInput.read(Resources.adbench("data/hand/test.txt"), Resources.adbench("data/hand/model"), false);
        assertEquals(2, s.correspondences().length);
        assertEquals(309, s.correspondences()[0]);
        assertEquals(-1.730528, s.points()[5], 0);
        assertNull(s.us());
        assertEquals(26, s.theta().length);
        assertEquals(-0.521279, s.theta()[0], 0);
        HandInput c = HandInput.read(Resources.adbench("data/hand/hand_complicated.txt"), Resources.adbench("data/hand/model"), true);
        assertEquals(4, c.us().length);
        assertEquals(0.5, c.us()[3], 0);
        assertEquals(26, c.theta().length);
    }

    @Test
    void readingAComplicatedFileAsSimpleSaysWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HandInput.read(
                Resources.adbench("data/hand/hand_complicated.txt"), Resources.adbench("data/hand/model"), false));
        assertTrue(e.getMessage().contains("complicated"), e.getMessage());
    }
}
