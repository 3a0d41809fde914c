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
     * <pre>{@code Tensor.of(1, 2).toDoubleArray();   // {1.0, 2.0}}</pre>
     *
     * @return a new array
     */
    public double[] toDoubleArray() {
        return data.clone();
    }

    // ---------------------------------------------------------------- shape

    /**
     * The same elements in a new shape of equal size; one dimension may be -1 (inferred).
     *
     * <pre>{@code Tensor.of(1, 2, 3, 4).reshape(2, 2);   // [[1.0, 2.0], [3.0, 4.0]]}</pre>
     *
     * @param newShape the dimensions
     * @return the reshaped tensor
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
        if (level == null) return plain(s, data);
        return (Tensor) new ShapeRules.Reshape(s).apply(this);
    }

    /**
     * Broadcasts to a larger shape by NumPy's rules.
     *
     * <pre>{@code Tensor.of(1, 2).broadcastTo(2, 2);   // [[1.0, 2.0], [1.0, 2.0]]}</pre>
     *
     * @param newShape the target shape
     * @return the broadcast tensor
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

    /** Elementwise sum with broadcasting. <pre>{@code Tensor.of(1, 2).plus(Tensor.of(3, 4));   // [4.0, 6.0]}</pre> */
    @Override
    public Tensor plus(Tensor o) {
        return bin(ScalarRules.PLUS, o);
    }

    /** Adds a scalar. <pre>{@code Tensor.of(1, 2).plus(Real.of(1));   // [2.0, 3.0]}</pre> */
    public Tensor plus(Real o) {
        return bin(ScalarRules.PLUS, scalar(o));
    }

    /** Adds a constant. <pre>{@code Tensor.of(1, 2).plus(1);   // [2.0, 3.0]}</pre> */
    @Override
    public Tensor plus(double o) {
        return bin(ScalarRules.PLUS, c(o));
    }

    /** Elementwise difference. <pre>{@code Tensor.of(1, 2).minus(Tensor.of(3, 4));   // [-2.0, -2.0]}</pre> */
    @Override
    public Tensor minus(Tensor o) {
        return bin(ScalarRules.MINUS, o);
    }

    /** Subtracts a scalar. <pre>{@code Tensor.of(1, 2).minus(Real.of(1));   // [0.0, 1.0]}</pre> */
    public Tensor minus(Real o) {
        return bin(ScalarRules.MINUS, scalar(o));
    }

    /** Subtracts a constant. <pre>{@code Tensor.of(1, 2).minus(1);   // [0.0, 1.0]}</pre> */
    @Override
    public Tensor minus(double o) {
        return bin(ScalarRules.MINUS, c(o));
    }

    /** Elementwise product. <pre>{@code Tensor.of(1, 2).times(Tensor.of(3, 4));   // [3.0, 8.0]}</pre> */
    @Override
    public Tensor times(Tensor o) {
        return bin(ScalarRules.TIMES, o);
    }

    /** Multiplies by a scalar. <pre>{@code Tensor.of(1, 2).times(Real.of(2));   // [2.0, 4.0]}</pre> */
    public Tensor times(Real o) {
        return bin(ScalarRules.TIMES, scalar(o));
    }

    /** Multiplies by a constant. <pre>{@code Tensor.of(1, 2).times(2);   // [2.0, 4.0]}</pre> */
    @Override
    public Tensor times(double o) {
        return bin(ScalarRules.TIMES, c(o));
    }

    /** Elementwise quotient. <pre>{@code Tensor.of(1, 2).div(Tensor.of(2, 4));   // [0.5, 0.5]}</pre> */
    @Override
    public Tensor div(Tensor o) {
        return bin(ScalarRules.DIV, o);
    }

    /** Divides by a scalar. <pre>{@code Tensor.of(1, 2).div(Real.of(2));   // [0.5, 1.0]}</pre> */
    public Tensor div(Real o) {
        return bin(ScalarRules.DIV, scalar(o));
    }

    /** Divides by a constant. <pre>{@code Tensor.of(1, 2).div(2);   // [0.5, 1.0]}</pre> */
    @Override
    public Tensor div(double o) {
        return bin(ScalarRules.DIV, c(o));
    }

    /** Elementwise power. <pre>{@code Tensor.of(2, 3).pow(Tensor.of(2, 2));   // [4.0, 9.0]}</pre> */
    @Override
    public Tensor pow(Tensor o) {
        return bin(ScalarRules.POW, o);
    }

    /** Power with a scalar exponent. <pre>{@code Tensor.of(2, 3).pow(Real.of(2));   // [4.0, 9.0]}</pre> */
    public Tensor pow(Real o) {
        return bin(ScalarRules.POW, scalar(o));
    }

    /** Power with a constant exponent. <pre>{@code Tensor.of(2, 3).pow(2);   // [4.0, 9.0]}</pre> */
    @Override
    public Tensor pow(double o) {
        return bin(ScalarRules.POW, c(o));
    }

    /** Elementwise maximum (NumPy's {@code maximum}); ties send the gradient to {@code this}. <pre>{@code Tensor.of(1, 5).maximum(Tensor.of(3, 4));   // [3.0, 5.0]}</pre> */
    public Tensor maximum(Tensor o) {
        return bin(ScalarRules.MAX, o);
    }

    /** Elementwise maximum with a constant. <pre>{@code Tensor.of(-1, 2).maximum(0);   // [0.0, 2.0]}</pre> */
    public Tensor maximum(double o) {
        return bin(ScalarRules.MAX, c(o));
    }

    /** Elementwise minimum; ties send the gradient to {@code this}. <pre>{@code Tensor.of(1, 5).minimum(Tensor.of(3, 4));   // [1.0, 4.0]}</pre> */
    public Tensor minimum(Tensor o) {
        return bin(ScalarRules.MIN, o);
    }

    /** Elementwise minimum with a constant. <pre>{@code Tensor.of(-1, 2).minimum(0);   // [-1.0, 0.0]}</pre> */
    public Tensor minimum(double o) {
        return bin(ScalarRules.MIN, c(o));
    }

    /** Elementwise atan2(this, x). <pre>{@code Tensor.of(1).atan2(Tensor.of(1));   // [0.7853981633974483]}</pre> */
    public Tensor atan2(Tensor x) {
        return bin(ScalarRules.ATAN2, x);
    }

    /** Elementwise hypot. <pre>{@code Tensor.of(3).hypot(Tensor.of(4));   // [5.0]}</pre> */
    public Tensor hypot(Tensor o) {
        return bin(ScalarRules.HYPOT, o);
    }

    /** Negation. <pre>{@code Tensor.of(1, -2).neg();   // [-1.0, 2.0]}</pre> */
    @Override
    public Tensor neg() {
        return un(ScalarRules.NEG);
    }

    /** Elementwise square. <pre>{@code Tensor.of(2, 3).square();   // [4.0, 9.0]}</pre> */
    @Override
    public Tensor square() {
        return un(ScalarRules.SQUARE);
    }

    /** Elementwise reciprocal. <pre>{@code Tensor.of(2, 4).reciprocal();   // [0.5, 0.25]}</pre> */
    @Override
    public Tensor reciprocal() {
        return un(ScalarRules.RECIPROCAL);
    }

    /** Elementwise square root. <pre>{@code Tensor.of(4, 9).sqrt();   // [2.0, 3.0]}</pre> */
    @Override
    public Tensor sqrt() {
        return un(ScalarRules.SQRT);
    }

    /** Elementwise exponential. <pre>{@code Tensor.of(0).exp();   // [1.0]}</pre> */
    @Override
    public Tensor exp() {
        return un(ScalarRules.EXP);
    }

    /** Elementwise natural logarithm. <pre>{@code Tensor.of(1).log();   // [0.0]}</pre> */
    @Override
    public Tensor log() {
        return un(ScalarRules.LOG);
    }

    /** Elementwise sine. <pre>{@code Tensor.of(0).sin();   // [0.0]}</pre> */
    @Override
    public Tensor sin() {
        return un(ScalarRules.SIN);
    }

    /** Elementwise cosine. <pre>{@code Tensor.of(0).cos();   // [1.0]}</pre> */
    @Override
    public Tensor cos() {
        return un(ScalarRules.COS);
    }

    /** Elementwise tangent. <pre>{@code Tensor.of(0).tan();   // [0.0]}</pre> */
    public Tensor tan() {
        return un(ScalarRules.TAN);
    }

    /** Elementwise hyperbolic tangent. <pre>{@code Tensor.of(0).tanh();   // [0.0]}</pre> */
    public Tensor tanh() {
        return un(ScalarRules.TANH);
    }

    /** Elementwise absolute value (derivative 0 at 0). <pre>{@code Tensor.of(-1, 2).abs();   // [1.0, 2.0]}</pre> */
    @Override
    public Tensor abs() {
        return un(ScalarRules.ABS);
    }

    /** Elementwise log(1+x). <pre>{@code Tensor.of(0).log1p();   // [0.0]}</pre> */
    public Tensor log1p() {
        return un(ScalarRules.LOG1P);
    }

    /** Elementwise exp(x)-1. <pre>{@code Tensor.of(0).expm1();   // [0.0]}</pre> */
    public Tensor expm1() {
        return un(ScalarRules.EXPM1);
    }

    /** Elementwise logistic sigmoid. <pre>{@code Tensor.of(0).sigmoid();   // [0.5]}</pre> */
    @Override
    public Tensor sigmoid() {
        return un(ScalarRules.SIGMOID);
    }

    /** Elementwise log(1+exp(x)). <pre>{@code Tensor.of(0).softplus();   // [0.6931471805599453]}</pre> */
    public Tensor softplus() {
        return un(ScalarRules.SOFTPLUS);
    }

    /** Elementwise arc sine. <pre>{@code Tensor.of(0).asin();   // [0.0]}</pre> */
    public Tensor asin() {
        return un(ScalarRules.ASIN);
    }

    /** Elementwise arc cosine. <pre>{@code Tensor.of(1).acos();   // [0.0]}</pre> */
    public Tensor acos() {
        return un(ScalarRules.ACOS);
    }

    /** Elementwise arc tangent. <pre>{@code Tensor.of(0).atan();   // [0.0]}</pre> */
    public Tensor atan() {
        return un(ScalarRules.ATAN);
    }

    /** Elementwise hyperbolic sine. <pre>{@code Tensor.of(0).sinh();   // [0.0]}</pre> */
    @Override
    public Tensor sinh() {
        return un(ScalarRules.SINH);
    }

    /** Elementwise hyperbolic cosine. <pre>{@code Tensor.of(0).cosh();   // [1.0]}</pre> */
    @Override
    public Tensor cosh() {
        return un(ScalarRules.COSH);
    }

    /** Elementwise sign as a constant. <pre>{@code Tensor.of(-2, 0, 3).sign();   // [-1.0, 0.0, 1.0]}</pre> */
    @Override
    public Tensor sign() {
        double[] o = new double[data.length];
        for (int i = 0; i < o.length; i++) o[i] = Math.signum(data[i]);
        return plain(shape, o);
    }

    /** 1 where {@code this >= other} (broadcast), else 0, as a constant. <pre>{@code Tensor.of(1, 3).stepGe(Tensor.of(2, 2));   // [0.0, 1.0]}</pre> */
    @Override
    public Tensor stepGe(Tensor other) {
        int[] s = Shapes.broadcast("stepGe", shape, other.shape);
        int[] ia = Shapes.broadcastIndex(shape, s), ib = Shapes.broadcastIndex(other.shape, s);
        double[] o = new double[ia.length];
        for (int i = 0; i < o.length; i++) o[i] = ScalarRules.step(data[ia[i]], other.data[ib[i]]);
        return plain(s, o);
    }

    /** A constant of this shape filled with {@code c}. <pre>{@code Tensor.of(1, 2).fill(0);   // [0.0, 0.0]}</pre> */
    @Override
    public Tensor fill(double c) {
        return full(c, shape);
    }

    // ---------------------------------------------------------------- axis reductions, softmax, cumsum

    // ---------------------------------------------------------------- slicing, transpose, concatenation

    // ---------------------------------------------------------------- linear algebra

    // ---------------------------------------------------------------- object

    /** Equal when shapes and elements are equal, whatever the tracking. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    /**
     * A readable array: a vector as {@code [1.0, 2.0]}, a matrix one row a line.
     *
     * <pre>{@code Tensor.of(new double[][] {{1, 2}, {3, 4}}).toString();   // "[[1.0, 2.0],\n [3.0, 4.0]]"}</pre>
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
