package zygote4j.bench.adbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An ADBench hand model directory: the bone hierarchy with each bone's base transform
 * relative to its parent and its inverse absolute base transform (4 x 4, row-major as
 * in the file), the vertices' rest positions and skinning weights, and the triangles.
 *
 * <pre>{@code
 * HandModel m = HandModel.read(Path.of("data/hand/model"));
 * m.boneCount();     // 22
 * m.vertexCount();   // 544
 * }</pre>
 *
 * @param boneNames name of each bone
 * @param parents parent index of each bone (-1 for the root)
 * @param baseRelatives 16 numbers per bone, row-major
 * @param inverseBaseAbsolutes 16 numbers per bone, row-major
 * @param positions rest positions, vertexCount x 3
 * @param weights skinning weights, boneCount x vertexCount (row per bone)
 * @param triangles vertex indices, triangleCount x 3
 */
public record HandModel(String[] boneNames, int[] parents, double[] baseRelatives, double[] inverseBaseAbsolutes,
        double[] positions, double[] weights, int[] triangles) {
    /**
     * The number of bones.
     *
     * <pre>{@code m.boneCount();}</pre>
     *
     * @return the count
     */
    public int boneCount() {
        return parents.length;
    }

    /**
     * The number of vertices.
     *
     * <pre>{@code m.vertexCount();}</pre>
     *
     * @return the count
     */
    public int vertexCount() {
        return positions.length / 3;
    }

    /**
     * Reads {@code bones.txt}, {@code vertices.txt} and {@code triangles.txt} of a model
     * directory ({@code anchors.txt} and the triangle labels are not used by the objective).
     *
     * <pre>{@code HandModel.read(Path.of("data/hand/model"));}</pre>
     *
     * @param dir the model directory
     * @return the model
     * @throws IOException when a file cannot be read
     * @throws IllegalArgumentException when a file is not in the expected format
     */
    public static HandModel read(Path dir) throws IOException {
        List<String> bones = lines(dir.resolve("bones.txt"));
        int nb = bones.size();
        String[] names = new String[nb];
        int[] parents = new int[nb];
        double[] rel = new double[16 * nb], inv = new double[16 * nb];
        for (int b = 0; b < nb; b++) {
            String[] f = bones.get(b).split(":");
            if (f.length != 34) {
                throw new IllegalArgumentException(dir.resolve("bones.txt") + ": line " + (b + 1) + " has " + f.length
                        + " fields; expected name:parent:16 numbers:16 numbers");
            }
            names[b] = f[0];
            parents[b] = Integer.parseInt(f[1]);
            for (int i = 0; i < 16; i++) {
                rel[16 * b + i] = Double.parseDouble(f[2 + i]);
                inv[16 * b + i] = Double.parseDouble(f[18 + i]);
            }
        }
        List<String> verts = lines(dir.resolve("vertices.txt"));
        int nv = verts.size();
        double[] pos = new double[3 * nv], weights = new double[nb * nv];
        for (int v = 0; v < nv; v++) {
            Tokens t = Tokens.of(verts.get(v), ":", dir.resolve("vertices.txt") + " line " + (v + 1));
            for (int i = 0; i < 3; i++) pos[3 * v + i] = t.nextDouble();
            for (int i = 0; i < 5; i++) t.nextDouble();
            int count = t.nextInt();
            for (int i = 0; i < count; i++) {
                int bone = t.nextInt();
                double w = t.nextDouble();
                if (bone < 0 || bone >= nb) {
                    throw new IllegalArgumentException(t.source() + ": bone " + bone + " is outside 0.." + (nb - 1));
                }
                weights[bone * nv + v] = w;
            }
        }
        List<String> tris = lines(dir.resolve("triangles.txt"));
        int[] tri = new int[3 * tris.size()];
        for (int i = 0; i < tris.size(); i++) {
            Tokens t = Tokens.of(tris.get(i), ":", dir.resolve("triangles.txt") + " line " + (i + 1));
            for (int j = 0; j < 3; j++) tri[3 * i + j] = t.nextInt();
        }
        return new HandModel(names, parents, rel, inv, pos, weights, tri);
    }

    private static List<String> lines(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String s : Files.readAllLines(file)) if (!s.isBlank()) out.add(s.trim());
        return out;
    }
}
