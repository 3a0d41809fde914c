package zygote4j;

/**
 * A forward-mode level: each tracer carries {@link #width} tangents at once (a chunk of
 * directions), so one pass over the function pushes forward a whole chunk.
 * A scalar tracer's tangents are a {@code double[]} when they are plain numbers, or a
 * {@code Real[]} (entries may be {@code null} for zero) when they are themselves tracked
 * by an outer level. A tensor tracer's tangents are a {@code Tensor[]}.
 */
final class ForwardLevel extends Level {
    final int width;

    ForwardLevel(int depth, int width) {
        super(depth);
        this.width = width;
    }

    @Override
    String kind() {
        return "forward-mode level (jvp/hessian/forwarddiff)";
    }
}
