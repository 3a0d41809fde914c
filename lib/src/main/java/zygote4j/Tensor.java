package zygote4j;

import java.util.Arrays;

/**
 * An immutable differentiable n-dimensional array of doubles, stored row-major.
 *
 * <p>Binary operations broadcast by NumPy's rules and take a {@code Tensor}, a
 * {@link Real} or a {@code double}. Every scalar function of {@link Real} exists
 * elementwise. Reading one element with {@link #get} inside a loop costs O(1) in both
 * passes of a gradient.
 *
 * <pre>{@code
 * Tensor x = Tensor.of(1, 2, 3);
 * x.times(x).sum();                                  // 14.0
 * gradient(v -> v.times(v).sum(), x);                // ([2.0, 4.0, 6.0],)
 * Tensor.of(new double[][] {{1, 2}, {3, 4}}).plus(Tensor.of(10, 20));
 * // [[11.0, 22.0],
 * //  [13.0, 24.0]]
 * }</pre>
 */
public final class Tensor implements Numeric<Tensor> {
    final int[] shape;
    /** The values, row-major, with every level of tracking unwrapped. Never mutated. */
    final double[] data;
    final Level level;
    final int id;
    /** The value one level out when that is itself tracked; null when it is plain. */
    final Tensor primal;
    /** At a forward level: one tangent per direction, null for zero. */
    final Tensor[] tan;

    Tensor(int[] shape, double[] data, Level level, int id, Tensor primal, Tensor[] tan) {
        this.shape = shape;
        this.data = data;
        this.level = level;
        this.id = id;
        this.primal = primal;
        this.tan = tan;
    }

    /** A plain tensor that takes ownership of {@code data}. */
    static Tensor plain(int[] shape, double[] data) {
        return new Tensor(shape, data, null, -1, null, null);
    }

    Tensor primalTensor() {
        return primal != null ? primal : plain(shape, data);
    }

    // ---------------------------------------------------------------- construction

    /**
     * A vector of the given numbers.
     *
     * <pre>{@code Tensor.of(1, 2, 3);   // [1.0, 2.0, 3.0]}</pre>
     *
     * @param values the elements
     * @return a plain vector
     */
    public static Tensor of(double... values) {
        return plain(new int[] {values.length}, values.clone());
    }

    /**
     * A matrix from rows of equal length.
     *
     * <pre>{@code Tensor.of(new double[][] {{1, 2}, {3, 4}}).shape();   // [2, 2]}</pre>
     *
     * @param rows the rows
     * @return a plain matrix
     * @throws IllegalArgumentException if the rows differ in length
     */
    public static Tensor of(double[][] rows) {
        int m = rows.length, n = m == 0 ? 0 : rows[0].length;
        double[] d = new double[m * n];
        for (int i = 0; i < m; i++) {
            if (rows[i].length != n) {
                throw new IllegalArgumentException("Tensor.of(double[][]): row " + i + " has " + rows[i].length
                        + " elements but row 0 has " + n + "; a matrix needs rows of equal length");
            }
            System.arraycopy(rows[i], 0, d, i * n, n);
        }
        return plain(new int[] {m, n}, d);
    }

    /**
     * A differentiable vector built from scalars: gradients flow back to each of them.
     *
     * <pre>{@code
     * gradient((a, b) -> Tensor.of(a, b).times(Tensor.of(a, b)).sum(), 1, 2);   // (2.0, 4.0)
     * }</pre>
     *
     * @param values the elements
     * @return a vector, tracked where its elements are
     * @throws IllegalArgumentException if an element is null
     */
    public static Tensor of(Real... values) {
        boolean plain = true;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) throw new IllegalArgumentException("Tensor.of(Real...): element " + i + " is null");
            plain &= values[i].level == null;
        }
        if (plain) {
            double[] d = new double[values.length];
            for (int i = 0; i < d.length; i++) d[i] = values[i].v;
            return plain(new int[] {d.length}, d);
        }
        return (Tensor) new ShapeRules.Stack().apply((Object[]) values);
    }

    /**
     * A 0-dimensional tensor holding one scalar (differentiable).
     *
     * <pre>{@code Tensor.scalar(Real.of(2)).shape();   // []}</pre>
     *
     * @param x the scalar
     * @return a tensor of shape {@code []}
     */
    public static Tensor scalar(Real x) {
        if (x.level == null) return plain(new int[0], new double[] {x.v});
        return (Tensor) new ShapeRules.FromReal().apply(x);
    }

    /**
     * Zeros of the given shape.
     *
     * <pre>{@code Tensor.zeros(2, 3).length();   // 6}</pre>
     *
     * @param shape the dimensions
     * @return a plain tensor of zeros
     * @throws IllegalArgumentException for a negative dimension
     */
    public static Tensor zeros(int... shape) {
        int[] s = Shapes.checkShape("Tensor.zeros", shape);
        return plain(s, new double[Shapes.count(s)]);
    }

    /**
     * Ones of the given shape.
     *
     * <pre>{@code Tensor.ones(2);   // [1.0, 1.0]}</pre>
     *
     * @param shape the dimensions
     * @return a plain tensor of ones
     * @throws IllegalArgumentException for a negative dimension
     */
    public static Tensor ones(int... shape) {
        return full(1, shape);
    }

    /**
     * A tensor of the given shape with every element {@code value}.
     *
     * <pre>{@code Tensor.full(7, 2);   // [7.0, 7.0]}</pre>
     *
     * @param value the element
     * @param shape the dimensions
     * @return a plain tensor
     * @throws IllegalArgumentException for a negative dimension
     */
    public static Tensor full(double value, int... shape) {
        int[] s = Shapes.checkShape("Tensor.full", shape);
        double[] d = new double[Shapes.count(s)];
        Arrays.fill(d, value);
        return plain(s, d);
    }

    // ---------------------------------------------------------------- queries

    /**
     * The dimensions (a copy).
     *
     * <pre>{@code Tensor.zeros(2, 3).shape();   // [2, 3]}</pre>
     *
     * @return the shape
     */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * The number of dimensions.
     *
     * <pre>{@code Tensor.zeros(2, 3).rank();   // 2}</pre>
     *
     * @return the rank
     */
    public int rank() {
        return shape.length;
    }

    /**
     * The number of elements.
     *
     * <pre>{@code Tensor.zeros(2, 3).length();   // 6}</pre>
     *
     * @return the element count
     */
    public int length() {
        return data.length;
    }

    /**
     * One element as a differentiable scalar, by one index per dimension (a 0-d tensor
     * takes none). O(1) in the forward and the backward pass.
     *
     * <pre>{@code Tensor.of(new double[][] {{1, 2}, {3, 4}}).get(1, 0);   // 3.0}</pre>
     *
     * @param index the position
     * @return the element
     * @throws IllegalArgumentException if the number of indices is not the rank
     * @throws IndexOutOfBoundsException if an index is outside its dimension
     */
    public Real get(int... index) {
        if (index.length == 1 && shape.length == 1) {
            int i = index[0];
            if (i < 0 || i >= data.length) Shapes.flat("get", shape, index);
            return read(i);
        }
        return read(Shapes.flat("get", shape, index));
    }

    /** Element {@code f} (row-major) as a scalar at this tensor's levels. */
    Real read(int f) {
        Level l = level;
        if (l == null && Implicit.active()) {
            Tensor leaf = Implicit.resolve(this);
            if (leaf != this) return leaf.read(f);
        }
        if (l == null || l.hiddenHere()) return new Real(data[f]);
        l.checkUsable("get");
        if (l instanceof Tape tape) {
            Real z = primal == null ? null : primal.read(f);
            int rid = tape.read(id, f);
            return new Real(data[f], tape, rid, z == null || z.level == null ? null : z, null);
        }
        ForwardLevel fl = (ForwardLevel) l;
        Real z = primal == null ? new Real(data[f]) : primal.read(f);
        Real[] t = new Real[fl.width];
        for (int k = 0; k < t.length; k++) t[k] = tan[k] == null ? null : tan[k].read(f);
        return Real.forward(z, fl, t);
    }

    /**
     * The elements, row-major (a copy).
     *
     * <pre>{@code Tensor.of(1, 2).toDoubleArray();   // [1.0, 2.0]}</pre>
     *
     * @return a new array
     */
    public double[] toDoubleArray() {
        return data.clone();
    }

    /**
     * The elements, row-major, as a read-only view that copies nothing: the way to read a
     * large result (a gradient of millions of entries) into a layout of one's own in a single
     * pass. The tensor is immutable, so the view never changes; writing to it throws
     * {@link java.nio.ReadOnlyBufferException}. A tracked tensor shows its numbers.
     *
     * <pre>{@code
     * java.nio.DoubleBuffer b = Tensor.of(1, 2, 3).asDoubleBuffer();
     * b.get(2);                        // 3.0
     * double[] dest = new double[5];
     * b.get(0, dest, 2, 3);            // copies all three into dest from index 2
     * dest[4];                         // 3.0
     * }</pre>
     *
     * @return a read-only view of the elements, position 0, limit {@link #length()}
     */
    public java.nio.DoubleBuffer asDoubleBuffer() {
        return java.nio.DoubleBuffer.wrap(data).asReadOnlyBuffer();
    }

    // ---------------------------------------------------------------- shape

    /**
     * The same elements in a new shape of equal size; one dimension may be -1 (inferred).
     *
     * <pre>{@code Tensor.of(1, 2, 3, 4).reshape(2, 2);   // [[1.0, 2.0], [3.0, 4.0]]}</pre>
     *
     * @param newShape the dimensions
     * @return the reshaped tensor
     * @throws IllegalArgumentException if the new shape has another number of elements
     */
    public Tensor reshape(int... newShape) {
        int[] s = newShape.clone();
        int infer = -1, known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1 && infer < 0) infer = i;
            else if (s[i] < 0) throw new IllegalArgumentException("reshape: bad dimension " + s[i] + " in " + Shapes.str(newShape));
            else known *= s[i];
        }
        if (infer >= 0 && known > 0 && data.length % known == 0) s[infer] = data.length / known;
        if (Shapes.count(s) != data.length || (infer >= 0 && known == 0)) {
            throw new IllegalArgumentException("reshape: cannot reshape a tensor of shape " + Shapes.str(shape) + " ("
                    + data.length + " elements) to " + Shapes.str(newShape));
        }
        if (Arrays.equals(s, shape)) return this;
        if (untracked()) return plain(s, data);
        return (Tensor) new ShapeRules.Reshape(s).apply(this);
    }

    /**
     * Broadcasts to a larger shape by NumPy's rules.
     *
     * <pre>{@code Tensor.of(1, 2).broadcastTo(2, 2);   // [[1.0, 2.0], [1.0, 2.0]]}</pre>
     *
     * @param newShape the target shape
     * @return the broadcast tensor
     * @throws IllegalArgumentException if this shape does not broadcast to {@code newShape}
     */
    public Tensor broadcastTo(int... newShape) {
        int[] s = Shapes.broadcast("broadcastTo", shape, newShape);
        if (!Arrays.equals(s, newShape)) {
            throw new IllegalArgumentException("broadcastTo: shape " + Shapes.str(shape) + " cannot be broadcast to "
                    + Shapes.str(newShape));
        }
        if (Arrays.equals(s, shape)) return this;
        return (Tensor) new ShapeRules.BroadcastTo(newShape.clone()).apply(this);
    }

    /**
     * Sums over broadcast dimensions down to {@code target}, the inverse of
     * {@link #broadcastTo}.
     *
     * <pre>{@code Tensor.ones(2, 3).sumTo(3);   // [2.0, 2.0, 2.0]}</pre>
     *
     * @param target a shape that broadcasts to this tensor's shape
     * @return the reduced tensor
     * @throws IllegalArgumentException if {@code target} does not broadcast to this shape
     */
    public Tensor sumTo(int... target) {
        if (Arrays.equals(target, shape)) return this;
        int[] s = Shapes.broadcast("sumTo", target, shape);
        if (!Arrays.equals(s, shape)) {
            throw new IllegalArgumentException("sumTo: shape " + Shapes.str(target) + " does not broadcast to "
                    + Shapes.str(shape));
        }
        return (Tensor) new ShapeRules.SumTo(target.clone()).apply(this);
    }

    // ---------------------------------------------------------------- reductions

    /**
     * The sum of all elements.
     *
     * <pre>{@code Tensor.of(1, 2, 3).sum();   // 6.0}</pre>
     *
     * @return a scalar
     */
    public Real sum() {
        return (Real) new ShapeRules.Sum().apply(this);
    }

    /**
     * The mean of all elements.
     *
     * <pre>{@code Tensor.of(1, 2, 3).mean();   // 2.0}</pre>
     *
     * @return a scalar
     */
    public Real mean() {
        return sum().div(data.length);
    }

    // ---------------------------------------------------------------- elementwise

    private Tensor un(UnaryRule r) {
        return ElementwiseRules.unary(r, this);
    }

    private Tensor bin(BinaryRule r, Tensor o) {
        return ElementwiseRules.binary(r, this, o);
    }

    private static Tensor c(double v) {
        return plain(new int[0], new double[] {v});
    }

    /**
     * Elementwise sum with broadcasting.
     *
     * <pre>{@code Tensor.of(1, 2).plus(Tensor.of(3, 4));   // [4.0, 6.0]}</pre>
     *
     * @param o the other operand, broadcast against this one
     * @return {@code this + o}, elementwise
     * @throws IllegalArgumentException if the shapes do not broadcast together
     */
    @Override
    public Tensor plus(Tensor o) {
        return bin(ScalarRules.PLUS, o);
    }

    /**
     * Adds a scalar.
     *
     * <pre>{@code Tensor.of(1, 2).plus(Real.of(1));   // [2.0, 3.0]}</pre>
     *
     * @param o the scalar to add to every element
     * @return {@code this + o}, elementwise
     */
    public Tensor plus(Real o) {
        return bin(ScalarRules.PLUS, scalar(o));
    }

    /**
     * Adds a constant.
     *
     * <pre>{@code Tensor.of(1, 2).plus(1);   // [2.0, 3.0]}</pre>
     *
     * @param o the constant to add to every element
     * @return {@code this + o}, elementwise
     */
    @Override
    public Tensor plus(double o) {
        return bin(ScalarRules.PLUS, c(o));
    }

    /**
     * Elementwise difference.
     *
     * <pre>{@code Tensor.of(1, 2).minus(Tensor.of(3, 4));   // [-2.0, -2.0]}</pre>
     *
     * @param o the other operand, broadcast against this one
     * @return {@code this - o}, elementwise
     * @throws IllegalArgumentException if the shapes do not broadcast together
     */
    @Override
    public Tensor minus(Tensor o) {
        return bin(ScalarRules.MINUS, o);
    }

    /**
     * Subtracts a scalar.
     *
     * <pre>{@code Tensor.of(1, 2).minus(Real.of(1));   // [0.0, 1.0]}</pre>
     *
     * @param o the scalar to subtract from every element
     * @return {@code this - o}, elementwise
     */
    public Tensor minus(Real o) {
        return bin(ScalarRules.MINUS, scalar(o));
    }

    /**
     * Subtracts a constant.
     *
     * <pre>{@code Tensor.of(1, 2).minus(1);   // [0.0, 1.0]}</pre>
     *
     * @param o the constant to subtract from every element
     * @return {@code this - o}, elementwise
     */
    @Override
    public Tensor minus(double o) {
        return bin(ScalarRules.MINUS, c(o));
    }

    /**
     * Elementwise product.
     *
     * <pre>{@code Tensor.of(1, 2).times(Tensor.of(3, 4));   // [3.0, 8.0]}</pre>
     *
     * @param o the other operand, broadcast against this one
     * @return {@code this * o}, elementwise
     * @throws IllegalArgumentException if the shapes do not broadcast together
     */
    @Override
    public Tensor times(Tensor o) {
        return bin(ScalarRules.TIMES, o);
    }

    /**
     * Multiplies by a scalar.
     *
     * <pre>{@code Tensor.of(1, 2).times(Real.of(2));   // [2.0, 4.0]}</pre>
     *
     * @param o the scalar factor
     * @return {@code this * o}, elementwise
     */
    public Tensor times(Real o) {
        return bin(ScalarRules.TIMES, scalar(o));
    }

    /**
     * Multiplies by a constant.
     *
     * <pre>{@code Tensor.of(1, 2).times(2);   // [2.0, 4.0]}</pre>
     *
     * @param o the constant factor
     * @return {@code this * o}, elementwise
     */
    @Override
    public Tensor times(double o) {
        return bin(ScalarRules.TIMES, c(o));
    }

    /**
     * Elementwise quotient.
     *
     * <pre>{@code Tensor.of(1, 2).div(Tensor.of(2, 4));   // [0.5, 0.5]}</pre>
     *
     * @param o the divisor, broadcast against this tensor
     * @return {@code this / o}, elementwise
     * @throws IllegalArgumentException if the shapes do not broadcast together
     */
    @Override
    public Tensor div(Tensor o) {
        return bin(ScalarRules.DIV, o);
    }

    /**
     * Divides by a scalar.
     *
     * <pre>{@code Tensor.of(1, 2).div(Real.of(2));   // [0.5, 1.0]}</pre>
     *
     * @param o the scalar divisor
     * @return {@code this / o}, elementwise
     */
    public Tensor div(Real o) {
        return bin(ScalarRules.DIV, scalar(o));
    }

    /**
     * Divides by a constant.
     *
     * <pre>{@code Tensor.of(1, 2).div(2);   // [0.5, 1.0]}</pre>
     *
     * @param o the constant divisor
     * @return {@code this / o}, elementwise
     */
    @Override
    public Tensor div(double o) {
        return bin(ScalarRules.DIV, c(o));
    }

    /**
     * Elementwise power.
     *
     * <pre>{@code Tensor.of(2, 3).pow(Tensor.of(2, 2));   // [4.0, 9.0]}</pre>
     *
     * @param o the exponents, broadcast against this tensor
     * @return {@code this^o}, elementwise
     * @throws IllegalArgumentException if the shapes do not broadcast together
     */
    @Override
    public Tensor pow(Tensor o) {
        return bin(ScalarRules.POW, o);
    }

    /**
     * Power with a scalar exponent.
     *
     * <pre>{@code Tensor.of(2, 3).pow(Real.of(2));   // [4.0, 9.0]}</pre>
     *
     * @param o the scalar exponent
     * @return {@code this^o}, elementwise
     */
    public Tensor pow(Real o) {
        return bin(ScalarRules.POW, scalar(o));
    }

    /**
     * Power with a constant exponent.
     *
     * <pre>{@code Tensor.of(2, 3).pow(2);   // [4.0, 9.0]}</pre>
     *
     * @param o the constant exponent
     * @return {@code this^o}, elementwise
     */
    @Override
    public Tensor pow(double o) {
        return bin(ScalarRules.POW, c(o));
    }

    /**
     * Elementwise maximum (NumPy's {@code maximum}); ties send the gradient to {@code this}.
     *
     * <pre>{@code Tensor.of(1, 5).maximum(Tensor.of(3, 4));   // [3.0, 5.0]}</pre>
     *
     * @param o the other operand, broadcast against this one
     * @return the larger of each pair of elements
     * @throws IllegalArgumentException if the shapes do not broadcast together
     */
    public Tensor maximum(Tensor o) {
        return bin(ScalarRules.MAX, o);
    }

    /**
     * Elementwise maximum with a constant.
     *
     * <pre>{@code Tensor.of(-1, 2).maximum(0);   // [0.0, 2.0]}</pre>
     *
     * @param o the constant
     * @return the larger of each pair of elements
     */
    public Tensor maximum(double o) {
        return bin(ScalarRules.MAX, c(o));
    }

    /**
     * Elementwise minimum; ties send the gradient to {@code this}.
     *
     * <pre>{@code Tensor.of(1, 5).minimum(Tensor.of(3, 4));   // [1.0, 4.0]}</pre>
     *
     * @param o the other operand, broadcast against this one
     * @return the smaller of each pair of elements
     * @throws IllegalArgumentException if the shapes do not broadcast together
     */
    public Tensor minimum(Tensor o) {
        return bin(ScalarRules.MIN, o);
    }

    /**
     * Elementwise minimum with a constant.
     *
     * <pre>{@code Tensor.of(-1, 2).minimum(0);   // [-1.0, 0.0]}</pre>
     *
     * @param o the constant
     * @return the smaller of each pair of elements
     */
    public Tensor minimum(double o) {
        return bin(ScalarRules.MIN, c(o));
    }

    /**
     * Elementwise atan2(this, x).
     *
     * <pre>{@code Tensor.of(1).atan2(Tensor.of(1));   // [0.7853981633974483]}</pre>
     *
     * @param x the x coordinates, broadcast against this tensor (the y coordinates)
     * @return the angles of the points (x, this), elementwise
     * @throws IllegalArgumentException if the shapes do not broadcast together
     */
    public Tensor atan2(Tensor x) {
        return bin(ScalarRules.ATAN2, x);
    }

    /**
     * Elementwise hypot.
     *
     * <pre>{@code Tensor.of(3).hypot(Tensor.of(4));   // [5.0]}</pre>
     *
     * @param o the other sides, broadcast against this tensor
     * @return {@code sqrt(this^2 + o^2)}, elementwise
     * @throws IllegalArgumentException if the shapes do not broadcast together
     */
    public Tensor hypot(Tensor o) {
        return bin(ScalarRules.HYPOT, o);
    }

    /**
     * Negation.
     *
     * <pre>{@code Tensor.of(1, -2).neg();   // [-1.0, 2.0]}</pre>
     *
     * @return the negated elements
     */
    @Override
    public Tensor neg() {
        return un(ScalarRules.NEG);
    }

    /**
     * Elementwise square.
     *
     * <pre>{@code Tensor.of(2, 3).square();   // [4.0, 9.0]}</pre>
     *
     * @return the squares
     */
    @Override
    public Tensor square() {
        return un(ScalarRules.SQUARE);
    }

    /**
     * Elementwise reciprocal.
     *
     * <pre>{@code Tensor.of(2, 4).reciprocal();   // [0.5, 0.25]}</pre>
     *
     * @return the reciprocals
     */
    @Override
    public Tensor reciprocal() {
        return un(ScalarRules.RECIPROCAL);
    }

    /**
     * Elementwise square root.
     *
     * <pre>{@code Tensor.of(4, 9).sqrt();   // [2.0, 3.0]}</pre>
     *
     * @return the square roots
     */
    @Override
    public Tensor sqrt() {
        return un(ScalarRules.SQRT);
    }

    /**
     * Elementwise exponential.
     *
     * <pre>{@code Tensor.of(0).exp();   // [1.0]}</pre>
     *
     * @return the exponentials
     */
    @Override
    public Tensor exp() {
        return un(ScalarRules.EXP);
    }

    /**
     * Elementwise natural logarithm.
     *
     * <pre>{@code Tensor.of(1).log();   // [0.0]}</pre>
     *
     * @return the logarithms
     */
    @Override
    public Tensor log() {
        return un(ScalarRules.LOG);
    }

    /**
     * Elementwise sine.
     *
     * <pre>{@code Tensor.of(0).sin();   // [0.0]}</pre>
     *
     * @return the sines
     */
    @Override
    public Tensor sin() {
        return un(ScalarRules.SIN);
    }

    /**
     * Elementwise cosine.
     *
     * <pre>{@code Tensor.of(0).cos();   // [1.0]}</pre>
     *
     * @return the cosines
     */
    @Override
    public Tensor cos() {
        return un(ScalarRules.COS);
    }

    /**
     * Elementwise tangent.
     *
     * <pre>{@code Tensor.of(0).tan();   // [0.0]}</pre>
     *
     * @return the tangents
     */
    public Tensor tan() {
        return un(ScalarRules.TAN);
    }

    /**
     * Elementwise hyperbolic tangent.
     *
     * <pre>{@code Tensor.of(0).tanh();   // [0.0]}</pre>
     *
     * @return the hyperbolic tangents
     */
    public Tensor tanh() {
        return un(ScalarRules.TANH);
    }

    /**
     * Elementwise absolute value (derivative 0 at 0).
     *
     * <pre>{@code Tensor.of(-1, 2).abs();   // [1.0, 2.0]}</pre>
     *
     * @return the absolute values
     */
    @Override
    public Tensor abs() {
        return un(ScalarRules.ABS);
    }

    /**
     * Elementwise log(1+x).
     *
     * <pre>{@code Tensor.of(0).log1p();   // [0.0]}</pre>
     *
     * @return {@code log(1 + x)} of each element
     */
    public Tensor log1p() {
        return un(ScalarRules.LOG1P);
    }

    /**
     * Elementwise exp(x)-1.
     *
     * <pre>{@code Tensor.of(0).expm1();   // [0.0]}</pre>
     *
     * @return {@code exp(x) - 1} of each element
     */
    public Tensor expm1() {
        return un(ScalarRules.EXPM1);
    }

    /**
     * Elementwise logistic sigmoid.
     *
     * <pre>{@code Tensor.of(0).sigmoid();   // [0.5]}</pre>
     *
     * @return the sigmoids
     */
    @Override
    public Tensor sigmoid() {
        return un(ScalarRules.SIGMOID);
    }

    /**
     * Elementwise log(1+exp(x)).
     *
     * <pre>{@code Tensor.of(0).softplus();   // [0.6931471805599453]}</pre>
     *
     * @return {@code log(1 + exp(x))} of each element
     */
    public Tensor softplus() {
        return un(ScalarRules.SOFTPLUS);
    }

    /**
     * Elementwise arc sine.
     *
     * <pre>{@code Tensor.of(0).asin();   // [0.0]}</pre>
     *
     * @return the arc sines
     */
    public Tensor asin() {
        return un(ScalarRules.ASIN);
    }

    /**
     * Elementwise arc cosine.
     *
     * <pre>{@code Tensor.of(1).acos();   // [0.0]}</pre>
     *
     * @return the arc cosines
     */
    public Tensor acos() {
        return un(ScalarRules.ACOS);
    }

    /**
     * Elementwise arc tangent.
     *
     * <pre>{@code Tensor.of(0).atan();   // [0.0]}</pre>
     *
     * @return the arc tangents
     */
    public Tensor atan() {
        return un(ScalarRules.ATAN);
    }

    /**
     * Elementwise hyperbolic sine.
     *
     * <pre>{@code Tensor.of(0).sinh();   // [0.0]}</pre>
     *
     * @return the hyperbolic sines
     */
    @Override
    public Tensor sinh() {
        return un(ScalarRules.SINH);
    }

    /**
     * Elementwise hyperbolic cosine.
     *
     * <pre>{@code Tensor.of(0).cosh();   // [1.0]}</pre>
     *
     * @return the hyperbolic cosines
     */
    @Override
    public Tensor cosh() {
        return un(ScalarRules.COSH);
    }

    /**
     * Elementwise sign as a constant.
     *
     * <pre>{@code Tensor.of(-2, 0, 3).sign();   // [-1.0, 0.0, 1.0]}</pre>
     *
     * @return the signs, untracked
     */
    @Override
    public Tensor sign() {
        double[] o = new double[data.length];
        for (int i = 0; i < o.length; i++) o[i] = Math.signum(data[i]);
        return plain(shape, o);
    }

    /**
     * 1 where {@code this >= other} (broadcast), else 0, as a constant.
     *
     * <pre>{@code Tensor.of(1, 3).stepGe(Tensor.of(2, 2));   // [0.0, 1.0]}</pre>
     *
     * @param other the tensor to compare with, broadcast against this one
     * @return the steps, untracked
     * @throws IllegalArgumentException if the shapes do not broadcast together
     */
    @Override
    public Tensor stepGe(Tensor other) {
        int[] s = Shapes.broadcast("stepGe", shape, other.shape);
        int[] ia = Shapes.broadcastIndex(shape, s), ib = Shapes.broadcastIndex(other.shape, s);
        double[] o = new double[ia.length];
        for (int i = 0; i < o.length; i++) o[i] = ScalarRules.step(data[ia[i]], other.data[ib[i]]);
        return plain(s, o);
    }

    /**
     * A constant of this shape filled with {@code c}.
     *
     * <pre>{@code Tensor.of(1, 2).fill(0);   // [0.0, 0.0]}</pre>
     *
     * @param c the element
     * @return the constant
     */
    @Override
    public Tensor fill(double c) {
        return full(c, shape);
    }

    // ---------------------------------------------------------------- axis reductions, softmax, cumsum

    /**
     * Whether this tensor is a plain constant here: untracked, and not standing for an
     * implicit parameter of a running {@code gradient(() -> loss, params)}. Plain fast
     * paths must test this rather than {@code level == null}.
     */
    boolean untracked() {
        return level == null && !Implicit.active();
    }

    /**
     * The sum along one axis, which is dropped (NumPy's default); negative axes count from
     * the end.
     *
     * <pre>{@code Tensor.of(new double[][] {{1, 2}, {3, 4}}).sum(0);   // [4.0, 6.0]}</pre>
     *
     * @param axis the axis to sum over
     * @return a tensor of one rank less
     * @throws IllegalArgumentException for an axis out of range
     */
    public Tensor sum(int axis) {
        int a = Axes.normalize("sum", axis, shape);
        return (Tensor) new ReductionRules.SumAxis(a).apply(this);
    }

    /**
     * The mean along one axis, which is dropped; negative axes count from the end.
     *
     * <pre>{@code Tensor.of(new double[][] {{1, 2}, {3, 4}}).mean(1);   // [1.5, 3.5]}</pre>
     *
     * @param axis the axis to average over
     * @return a tensor of one rank less
     * @throws IllegalArgumentException for an axis out of range
     */
    public Tensor mean(int axis) {
        int a = Axes.normalize("mean", axis, shape);
        return ((Tensor) new ReductionRules.SumAxis(a).apply(this)).div(shape[a]);
    }

    /**
     * The product of all elements (1 for none). Its gradient is right at zeros too: the
     * product of the other elements.
     *
     * <pre>{@code Tensor.of(2, 3, 4).prod();   // 24.0}</pre>
     *
     * @return a scalar
     */
    public Real prod() {
        if (untracked()) {
            double p = 1;
            for (double d : data) p *= d;
            return new Real(p);
        }
        return ReductionRules.prod(reshape(data.length), 0).get();
    }

    /**
     * The product along one axis, which is dropped; negative axes count from the end.
     *
     * <pre>{@code Tensor.of(new double[][] {{1, 2}, {3, 4}}).prod(0);   // [3.0, 8.0]}</pre>
     *
     * @param axis the axis to multiply over
     * @return a tensor of one rank less
     * @throws IllegalArgumentException for an axis out of range
     */
    public Tensor prod(int axis) {
        int a = Axes.normalize("prod", axis, shape);
        return untracked() ? ReductionRules.prodPlain(this, a) : ReductionRules.prod(this, a);
    }

    /**
     * The largest element; the gradient goes to the first largest element. A NaN
     * element makes the result NaN.
     *
     * <pre>{@code Tensor.of(1, 5, 3).max();   // 5.0}</pre>
     *
     * @return a scalar
     * @throws IllegalArgumentException for an empty tensor
     */
    public Real max() {
        return read(extremal("max", true));
    }

    /**
     * The smallest element; the gradient goes to the first smallest element. A NaN
     * element makes the result NaN.
     *
     * <pre>{@code Tensor.of(4, 1, 3).min();   // 1.0}</pre>
     *
     * @return a scalar
     * @throws IllegalArgumentException for an empty tensor
     */
    public Real min() {
        return read(extremal("min", false));
    }

    private int extremal(String op, boolean max) {
        if (data.length == 0) {
            throw new IllegalArgumentException(op + ": the tensor of shape " + Shapes.str(shape)
                    + " is empty; a " + (max ? "maximum" : "minimum") + " needs at least one element");
        }
        return ReductionRules.extremal(data, 0, data.length, 1, max);
    }

    /**
     * The largest element along one axis, which is dropped; the gradient goes to the first
     * largest element of each slice.
     *
     * <pre>{@code Tensor.of(new double[][] {{1, 5}, {3, 4}}).max(0);   // [3.0, 5.0]}</pre>
     *
     * @param axis the axis to reduce; negative counts from the end
     * @return a tensor of one rank less
     * @throws IllegalArgumentException for an axis out of range or of length 0
     */
    public Tensor max(int axis) {
        int a = Axes.normalize("max", axis, shape);
        return SliceRules.gather("max", this, ReductionRules.extremal("max", this, a, true), Axes.drop(shape, a));
    }

    /**
     * The smallest element along one axis, which is dropped; the gradient goes to the
     * first smallest element of each slice.
     *
     * <pre>{@code Tensor.of(new double[][] {{1, 5}, {3, 4}}).min(1);   // [1.0, 3.0]}</pre>
     *
     * @param axis the axis to reduce; negative counts from the end
     * @return a tensor of one rank less
     * @throws IllegalArgumentException for an axis out of range or of length 0
     */
    public Tensor min(int axis) {
        int a = Axes.normalize("min", axis, shape);
        return SliceRules.gather("min", this, ReductionRules.extremal("min", this, a, false), Axes.drop(shape, a));
    }

    /**
     * {@code log(sum(exp(x)))} over all elements, without overflow for large elements
     * (it shifts by the largest); {@code -Infinity} for an empty tensor. Its gradient is
     * {@link #softmax()} of the flattened tensor.
     *
     * <pre>{@code Tensor.of(1000, 1000).logsumexp();   // 1000.6931471805599}</pre>
     *
     * @return a scalar
     */
    public Real logsumexp() {
        if (untracked()) return new Real(ReductionRules.lse(data, 0, data.length, 1));
        return ((Tensor) new ReductionRules.LogSumExp(0).apply(reshape(data.length))).get();
    }

    /**
     * {@code log(sum(exp(x)))} along one axis, which is dropped; stable for large elements.
     *
     * <pre>{@code Tensor.of(new double[][] {{0, 0}, {1, 1}}).logsumexp(1);   // [0.6931471805599453, 1.6931471805599454]}</pre>
     *
     * @param axis the axis to reduce; negative counts from the end
     * @return a tensor of one rank less
     * @throws IllegalArgumentException for an axis out of range
     */
    public Tensor logsumexp(int axis) {
        int a = Axes.normalize("logsumexp", axis, shape);
        return (Tensor) new ReductionRules.LogSumExp(a).apply(this);
    }

    /**
     * The softmax over the last axis, {@code exp(x) / sum(exp(x))} for each vector along
     * it (each row of a matrix), stable for large elements; a 0-d tensor gives 1.0.
     *
     * <pre>{@code Tensor.of(0, Math.log(3)).softmax();   // [0.25, 0.75]}</pre>
     *
     * @return a tensor of the same shape whose slices along the last axis sum to 1
     */
    public Tensor softmax() {
        if (shape.length == 0) return reshape(1).softmax(0).reshape();
        return softmax(-1);
    }

    /**
     * The softmax along one axis: {@code exp(x) / sum(exp(x))} over each slice along it.
     *
     * <pre>{@code
     * Tensor.of(new double[][] {{0, 0}, {1, 1}}).softmax(0);
     * // [[0.2689414213699951, 0.2689414213699951],
     * //  [0.7310585786300049, 0.7310585786300049]]
     * }</pre>
     *
     * @param axis the axis whose slices sum to 1; negative counts from the end
     * @return a tensor of the same shape
     * @throws IllegalArgumentException for an axis out of range
     */
    public Tensor softmax(int axis) {
        int a = Axes.normalize("softmax", axis, shape);
        return (Tensor) new SoftmaxRules.Softmax(a).apply(this);
    }

    /**
     * Running sums over the last axis: for a vector {@code out[j] = x[0] + ... + x[j]}; for
     * a matrix, along each row. A 0-d tensor is its own running sum. (NumPy's
     * {@code cumsum} without an axis would flatten first; use {@code reshape(-1).cumsum()}
     * for that.)
     *
     * <pre>{@code Tensor.of(1, 2, 3).cumsum();   // [1.0, 3.0, 6.0]}</pre>
     *
     * @return a tensor of the same shape
     */
    public Tensor cumsum() {
        if (shape.length == 0) return this;
        return cumsum(-1);
    }

    /**
     * Running sums along one axis: element {@code j} along it is the sum of elements
     * {@code 0..j}.
     *
     * <pre>{@code Tensor.of(new double[][] {{1, 2}, {3, 4}}).cumsum(0);   // [[1.0, 2.0], [4.0, 6.0]]}</pre>
     *
     * @param axis the axis to accumulate along; negative counts from the end
     * @return a tensor of the same shape
     * @throws IllegalArgumentException for an axis out of range
     */
    public Tensor cumsum(int axis) {
        int a = Axes.normalize("cumsum", axis, shape);
        return (Tensor) new ReductionRules.CumSum(a, false).apply(this);
    }

    // ---------------------------------------------------------------- slicing, transpose, concatenation

    /**
     * The transpose: a matrix's rows become columns; an n-d tensor's axes are reversed
     * (NumPy's {@code .T}); a vector or a 0-d tensor is returned as it is.
     *
     * <pre>{@code Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}}).transpose();   // [[1.0, 4.0], [2.0, 5.0], [3.0, 6.0]]}</pre>
     *
     * @return the transposed tensor
     */
    public Tensor transpose() {
        if (shape.length < 2) return this;
        int[] axes = new int[shape.length];
        for (int i = 0; i < axes.length; i++) axes[i] = axes.length - 1 - i;
        return permute("transpose", axes);
    }

    /**
     * The axes in a new order: dimension {@code i} of the result is dimension
     * {@code axes[i]} of this tensor (NumPy's {@code transpose(axes)}); negative axes
     * count from the end.
     *
     * <pre>{@code Tensor.zeros(2, 3, 4).permute(2, 0, 1).shape();   // [4, 2, 3]}</pre>
     *
     * @param axes a permutation of {@code 0 .. rank-1}
     * @return the permuted tensor
     * @throws IllegalArgumentException if {@code axes} is not a permutation of the axes
     */
    public Tensor permute(int... axes) {
        return permute("permute", axes);
    }

    private Tensor permute(String op, int[] axes) {
        int r = shape.length;
        int[] ax = new int[axes.length];
        boolean[] seen = new boolean[r];
        boolean ok = axes.length == r, identity = true;
        for (int i = 0; ok && i < r; i++) {
            ax[i] = axes[i] < 0 ? axes[i] + r : axes[i];
            ok = ax[i] >= 0 && ax[i] < r && !seen[ax[i]];
            if (ok) seen[ax[i]] = true;
            identity &= ax[i] == i;
        }
        if (!ok) {
            throw new IllegalArgumentException(op + ": axes " + Arrays.toString(axes) + " are not a permutation of the "
                    + r + " axes of a tensor of shape " + Shapes.str(shape) + "; give each of 0.." + (r - 1)
                    + " exactly once");
        }
        if (identity) return this;
        int[] inStride = new int[r];
        for (int d = r - 1, s = 1; d >= 0; d--) {
            inStride[d] = s;
            s *= shape[d];
        }
        int[] outShape = new int[r], stride = new int[r];
        for (int i = 0; i < r; i++) {
            outShape[i] = shape[ax[i]];
            stride[i] = inStride[ax[i]];
        }
        int[] pos = new int[data.length];
        int[] counter = new int[r];
        int p = 0;
        for (int k = 0; k < pos.length; k++) {
            pos[k] = p;
            for (int d = r - 1; d >= 0; d--) {
                counter[d]++;
                p += stride[d];
                if (counter[d] < outShape[d]) break;
                p -= stride[d] * counter[d];
                counter[d] = 0;
            }
        }
        return SliceRules.gather(op, this, pos, outShape);
    }

    /**
     * A part of this tensor, one {@link Index} per dimension: {@code all()} keeps a
     * dimension, {@code range(from, to)} keeps the half-open range of it, {@code at(i)}
     * picks one index and drops the dimension. Dimensions past the last index are kept
     * whole. The result is a copy (tensors are immutable).
     *
     * <pre>{@code
     * Tensor m = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
     * m.slice(all(), at(1));          // [2.0, 5.0]
     * m.slice(at(0), range(1, 3));    // [2.0, 3.0]
     * m.slice(range(1, 2));           // [[4.0, 5.0, 6.0]]
     * }</pre>
     *
     * @param index the selection, at most one per dimension
     * @return the selected elements
     * @throws IllegalArgumentException for more indices than dimensions
     * @throws IndexOutOfBoundsException for an index or range outside its dimension
     */
    public Tensor slice(Index... index) {
        int[] s = Shapes.sliceShape("slice", shape, index);
        if (Arrays.equals(s, shape)) return this;
        return SliceRules.slice(this, index, s);
    }

    /** The slice with {@code ix} on {@code axis} and {@code all()} elsewhere. */
    Tensor sliceAxis(int axis, Index ix) {
        Index[] index = new Index[axis + 1];
        Arrays.fill(index, Index.all());
        index[axis] = ix;
        return slice(index);
    }

    /**
     * The parts laid end to end along an existing axis (NumPy's {@code concatenate});
     * their other dimensions must agree. Negative axes count from the end.
     *
     * <pre>{@code
     * Tensor.concat(0, Tensor.of(1, 2), Tensor.of(3));   // [1.0, 2.0, 3.0]
     * Tensor a = Tensor.of(new double[][] {{1}, {2}});
     * Tensor.concat(1, a, a);                            // [[1.0, 1.0], [2.0, 2.0]]
     * }</pre>
     *
     * @param axis the axis to join along
     * @param parts one or more tensors of equal rank (at least 1)
     * @return the joined tensor
     * @throws IllegalArgumentException for no parts, 0-d parts, or mismatched shapes
     */
    public static Tensor concat(int axis, Tensor... parts) {
        if (parts == null || parts.length == 0) {
            throw new IllegalArgumentException("concat: no tensors given; pass at least one");
        }
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == null) throw new IllegalArgumentException("concat: part " + i + " is null");
        }
        int[] first = parts[0].shape;
        if (first.length == 0) {
            throw new IllegalArgumentException("concat: part 0 is a 0-d tensor, which has no axis to join along; "
                    + "use Tensor.stack(0, ...) to make a vector of scalars");
        }
        int a = Axes.normalize("concat", axis, first);
        for (int i = 1; i < parts.length; i++) {
            int[] s = parts[i].shape;
            boolean ok = s.length == first.length;
            for (int d = 0; ok && d < s.length; d++) ok = d == a || s[d] == first[d];
            if (!ok) {
                throw new IllegalArgumentException("concat: part " + i + " has shape " + Shapes.str(s) + " but part 0 has "
                        + "shape " + Shapes.str(first) + "; all dimensions except axis " + a + " must agree");
            }
        }
        if (parts.length == 1) return parts[0];
        return (Tensor) new SliceRules.Concat(a).apply((Object[]) parts);
    }

    /**
     * The parts, all of one shape, stacked along a new axis (NumPy's {@code stack}): with
     * axis 0 the result's element {@code [i, ...]} is {@code parts[i][...]}. The new axis
     * may be 0 to rank; negative values count from the end of the result.
     *
     * <pre>{@code
     * Tensor.stack(0, Tensor.of(1, 2), Tensor.of(3, 4));   // [[1.0, 2.0], [3.0, 4.0]]
     * Tensor.stack(1, Tensor.of(1, 2), Tensor.of(3, 4));   // [[1.0, 3.0], [2.0, 4.0]]
     * }</pre>
     *
     * @param axis the position of the new axis in the result
     * @param parts one or more tensors of equal shape
     * @return a tensor of one rank more
     * @throws IllegalArgumentException for no parts, mismatched shapes or a bad axis
     */
    public static Tensor stack(int axis, Tensor... parts) {
        if (parts == null || parts.length == 0) {
            throw new IllegalArgumentException("stack: no tensors given; pass at least one");
        }
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == null) throw new IllegalArgumentException("stack: part " + i + " is null");
            if (!Arrays.equals(parts[i].shape, parts[0].shape)) {
                throw new IllegalArgumentException("stack: part " + i + " has shape " + Shapes.str(parts[i].shape)
                        + " but part 0 has shape " + Shapes.str(parts[0].shape) + "; stack needs parts of equal shape");
            }
        }
        int r = parts[0].shape.length;
        int a = axis < 0 ? axis + r + 1 : axis;
        if (a < 0 || a > r) {
            throw new IllegalArgumentException("stack: axis " + axis + " is out of range for parts of shape "
                    + Shapes.str(parts[0].shape) + " (the result has rank " + (r + 1) + "; valid axes are "
                    + -(r + 1) + " to " + r + ")");
        }
        int[] s = Axes.insert(parts[0].shape, a, 1);
        Tensor[] rs = new Tensor[parts.length];
        for (int i = 0; i < rs.length; i++) rs[i] = parts[i].reshape(s);
        return concat(a, rs);
    }

    // ---------------------------------------------------------------- linear algebra

    /**
     * The matrix product with NumPy's {@code matmul} semantics: matrix-matrix, matrix-vector
     * ({@code [m,k] @ [k] -> [m]}), vector-matrix ({@code [k] @ [k,n] -> [n]}),
     * vector-vector (the inner product as a 0-dimensional tensor: use {@code get()} for the
     * {@link Real}), and stacks of matrices (rank 3 and more) whose leading dimensions
     * broadcast. Scalars (0-d tensors) are refused, as in NumPy: use {@code times}.
     *
     * <p>Speed: on a JVM started with {@code --add-modules jdk.incubator.vector}, products
     * use a SIMD kernel (about three times faster than the pure-Java one), and
     * {@code -Dzygote4j.threads=N} lets one large product use N threads, with the same
     * result; see the README's speed settings.
     *
     * <pre>{@code
     * Tensor a = Tensor.of(new double[][] {{1, 2}, {3, 4}});
     * a.matmul(a);                       // [[7.0, 10.0], [15.0, 22.0]]
     * a.matmul(Tensor.of(1, 1));         // [3.0, 7.0]
     * Tensor.of(1, 2).matmul(Tensor.of(3, 4)).get();   // 11.0
     * }</pre>
     *
     * @param other the right operand
     * @return the product
     * @throws IllegalArgumentException for a 0-d operand, inner dimensions that differ, or batch
     *     dimensions that do not broadcast
     */
    public Tensor matmul(Tensor other) {
        int[] sa = shape, sb = other.shape;
        if (sa.length == 0 || sb.length == 0) {
            throw new IllegalArgumentException("matmul: needs tensors of rank 1 or more, got shapes " + Shapes.str(sa)
                    + " and " + Shapes.str(sb) + "; multiply by a scalar with times");
        }
        Tensor a = sa.length == 1 ? reshape(1, sa[0]) : this;
        Tensor b = sb.length == 1 ? other.reshape(sb[0], 1) : other;
        int ra = a.shape.length, rb = b.shape.length;
        int m = a.shape[ra - 2], k = a.shape[ra - 1], k2 = b.shape[rb - 2], n = b.shape[rb - 1];
        if (k != k2) {
            throw new IllegalArgumentException("matmul: shapes " + Shapes.str(sa) + " and " + Shapes.str(sb)
                    + " do not match: the left operand has " + k + " columns but the right one has " + k2
                    + " rows; transpose or reshape one of them");
        }
        int[] batchA = Arrays.copyOf(a.shape, ra - 2), batchB = Arrays.copyOf(b.shape, rb - 2);
        int[] batch;
        Tensor c;
        if (batchB.length == 0) {
            // A stack times one matrix is one tall product: fold the stack into rows.
            batch = batchA;
            c = MatmulRule.mm(a.reshape(Shapes.count(batchA) * m, k), b);
        } else {
            try {
                batch = Shapes.broadcast("matmul", batchA, batchB);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("matmul: the batch dimensions of shapes " + Shapes.str(sa) + " and "
                        + Shapes.str(sb) + " cannot be broadcast together (" + Shapes.str(batchA) + " vs "
                        + Shapes.str(batchB) + "); make them equal or 1", e);
            }
            a = a.broadcastTo(concat(batch, m, k));
            b = b.broadcastTo(concat(batch, k, n));
            c = MatmulRule.mm(a, b);
        }
        int[] out = sa.length == 1 ? (sb.length == 1 ? batch : concat(batch, n))
                : (sb.length == 1 ? concat(batch, m) : concat(batch, m, n));
        return c.reshape(out);
    }

    private static int[] concat(int[] head, int... tail) {
        int[] s = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, s, head.length, tail.length);
        return s;
    }

    /** The transpose of a matrix, differentiable, for the rules of this package. */
    Tensor t2() {
        return (Tensor) LinalgRules.Transpose2.INSTANCE.apply(this);
    }

    /**
     * The determinant of a square matrix. Its gradient is det(A)·A⁻ᵀ, which needs A to
     * be invertible: differentiating at a singular matrix throws an
     * {@link ArithmeticException}.
     *
     * <pre>{@code
     * Tensor.of(new double[][] {{1, 2}, {3, 4}}).det();   // -2.0
     * gradient(a -> a.det(), Tensor.of(new double[][] {{2, 1}, {1, 1}}));   // ([[1.0, -1.0], [-1.0, 2.0]],)
     * }</pre>
     *
     * @return det(A)
     * @throws IllegalArgumentException if the tensor is not a square matrix
     * @throws ArithmeticException when differentiated at a singular matrix
     */
    public Real det() {
        LinalgRules.requireSquare("det", this);
        return (Real) LinalgRules.Det.INSTANCE.apply(this);
    }

    /**
     * The natural logarithm of the determinant, computed from an LU factorization so that
     * it neither overflows nor underflows; the gradient is A⁻ᵀ. Like Julia's
     * {@code logdet}, a negative determinant is an error: an {@link ArithmeticException}
     * that points to {@link #logabsdet()}; so is a singular matrix.
     *
     * <pre>{@code
     * Tensor.of(new double[][] {{2, 0}, {0, 3}}).logdet();   // 1.791759469228055 (log 6)
     * }</pre>
     *
     * @return log det(A)
     * @throws IllegalArgumentException if the tensor is not a square matrix
     * @throws ArithmeticException for a singular matrix or a negative determinant
     */
    public Real logdet() {
        LinalgRules.requireSquare("logdet", this);
        return (Real) LinalgRules.LogDet.LOGDET.apply(this);
    }

    /**
     * The logarithm of the determinant's absolute value, log|det(A)|; the gradient is
     * A⁻ᵀ. A singular matrix is an {@link ArithmeticException}.
     *
     * <pre>{@code
     * Tensor.of(new double[][] {{-2, 0}, {0, 3}}).logabsdet();   // 1.791759469228055 (log 6)
     * }</pre>
     *
     * @return log|det(A)|
     * @throws IllegalArgumentException if the tensor is not a square matrix
     * @throws ArithmeticException for a singular matrix
     */
    public Real logabsdet() {
        LinalgRules.requireSquare("logabsdet", this);
        return (Real) LinalgRules.LogDet.LOGABSDET.apply(this);
    }

    /**
     * The inverse of a square matrix; a matrix that is singular to working precision is an
     * {@link ArithmeticException}. To apply an inverse to a vector or matrix, {@link #solve}
     * is cheaper and more accurate.
     *
     * <pre>{@code
     * Tensor.of(new double[][] {{2, 0}, {0, 4}}).inv();   // [[0.5, 0.0], [0.0, 0.25]]
     * }</pre>
     *
     * @return A⁻¹
     * @throws IllegalArgumentException if the tensor is not a square matrix
     * @throws ArithmeticException for a singular matrix
     */
    public Tensor inv() {
        LinalgRules.requireSquare("inv", this);
        return (Tensor) LinalgRules.Inv.INSTANCE.apply(this);
    }

    /**
     * The solution x of A x = b for this square matrix A (by LU factorization), where
     * {@code b} is a vector of n elements or a matrix of n rows (one right-hand side per
     * column); x has b's shape. A singular A is an {@link ArithmeticException}.
     *
     * <pre>{@code
     * Tensor a = Tensor.of(new double[][] {{2, 0}, {0, 4}});
     * a.solve(Tensor.of(2, 2));   // [1.0, 0.5]
     * }</pre>
     *
     * @param b the right-hand side(s)
     * @return A⁻¹ b
     * @throws IllegalArgumentException if the tensor is not a square matrix, or {@code b} does not fit it
     * @throws ArithmeticException for a singular matrix
     */
    public Tensor solve(Tensor b) {
        LinalgRules.requireSquare("solve", this);
        int n = shape[0];
        boolean vector = b.shape.length == 1;
        if (!(vector || b.shape.length == 2) || b.shape[0] != n) {
            throw new IllegalArgumentException("solve: the right-hand side of shape " + Shapes.str(b.shape)
                    + " does not fit the matrix of shape " + Shapes.str(shape) + "; it must be a vector of " + n
                    + " elements or a matrix of " + n + " rows");
        }
        if (vector) return LinalgRules.Solve.solve(this, b.reshape(n, 1)).reshape(n);
        return LinalgRules.Solve.solve(this, b);
    }

    /**
     * The sum of the diagonal of a square matrix.
     *
     * <pre>{@code Tensor.of(new double[][] {{1, 2}, {3, 4}}).trace();   // 5.0}</pre>
     *
     * @return tr(A)
     * @throws IllegalArgumentException if the tensor is not a square matrix
     */
    public Real trace() {
        LinalgRules.requireSquare("trace", this);
        return (Real) LinalgRules.Trace.INSTANCE.apply(this);
    }

    /**
     * The 2-norm of all elements taken together (for a matrix, the Frobenius norm), like
     * Julia's {@code norm}. Computed without overflow. Its gradient is x / norm(x), and 0
     * at x = 0, where the norm has no derivative.
     *
     * <pre>{@code Tensor.of(3, 4).norm();   // 5.0}</pre>
     *
     * @return sqrt(Σ x²)
     */
    public Real norm() {
        return (Real) LinalgRules.Norm.INSTANCE.apply(this);
    }

    /**
     * The Cholesky factor: the lower-triangular L with positive diagonal and L Lᵀ = A, for
     * a symmetric positive definite A. It factors the symmetric part (A + Aᵀ)/2 (as JAX
     * does), so the gradient is symmetric. A matrix that is not positive definite is an
     * {@link ArithmeticException}.
     *
     * <pre>{@code
     * Tensor.of(new double[][] {{4, 2}, {2, 2}}).cholesky();   // [[2.0, 0.0], [1.0, 1.0]]
     * }</pre>
     *
     * @return L
     * @throws IllegalArgumentException if the tensor is not a square matrix
     * @throws ArithmeticException if the matrix is not positive definite
     */
    public Tensor cholesky() {
        LinalgRules.requireSquare("cholesky", this);
        return (Tensor) LinalgRules.Cholesky.INSTANCE.apply(this);
    }

    // ---------------------------------------------------------------- object

    /**
     * Equal when shapes and elements are equal (as {@link Arrays#equals(double[], double[])}),
     * whatever the tracking.
     *
     * <pre>{@code
     * Tensor.of(1, 2).equals(Tensor.of(1, 2));                  // true
     * Tensor.of(1, 2).equals(Tensor.of(1, 2).reshape(1, 2));    // false
     * }</pre>
     *
     * @param o the object to compare with
     * @return whether {@code o} is a tensor of the same shape and elements
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    /**
     * A hash of the shape and the elements, consistent with {@link #equals}.
     *
     * <pre>{@code Tensor.of(1, 2).hashCode() == Tensor.of(1, 2).hashCode();   // true}</pre>
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    /**
     * A readable array: a vector as {@code [1.0, 2.0]}, a matrix one row a line.
     *
     * <pre>{@code Tensor.of(new double[][] {{1, 2}, {3, 4}}).toString();   // "[[1.0, 2.0],\n [3.0, 4.0]]"}</pre>
     *
     * @return the elements in nested brackets; a 0-d tensor prints as its number
     */
    @Override
    public String toString() {
        if (shape.length == 0) return Double.toString(data[0]);
        StringBuilder sb = new StringBuilder();
        append(sb, 0, 0, 0);
        return sb.toString();
    }

    private int append(StringBuilder sb, int dim, int offset, int indent) {
        sb.append('[');
        int n = shape[dim];
        if (dim == shape.length - 1) {
            for (int i = 0; i < n; i++) {
                if (i > 0) sb.append(", ");
                sb.append(data[offset + i]);
            }
            sb.append(']');
            return offset + n;
        }
        int pos = offset;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(",\n");
                sb.append(" ".repeat(indent + 1));
            }
            pos = append(sb, dim + 1, pos, indent + 1);
        }
        sb.append(']');
        return pos;
    }
}
