package zygote4j.tools;

import static zygote4j.Zygote.all;
import static zygote4j.Zygote.range;

import zygote4j.Tensor;

/**
 * The tensor primitives random matrix programs are built from: reductions, softmax,
 * cumsum, slicing, concatenation, stacking, permutation, element reads and linear
 * algebra, each written as a map from two M x M matrices to one (reductions broadcast
 * back, scalars scale), in a form that stays well conditioned for any input.
 */
enum MatrixFuzzOp {
    MATMUL {
        Tensor apply(Tensor a, Tensor b) { return a.matmul(b).times(0.5); }
    },
    MATVEC {
        Tensor apply(Tensor a, Tensor b) { return b.plus(a.matmul(b.slice(all(), zygote4j.Zygote.at(0))).reshape(M, 1)); }
    },
    TRANSPOSE {
        Tensor apply(Tensor a, Tensor b) { return a.transpose(); }
    },
    PERMUTE {
        Tensor apply(Tensor a, Tensor b) { return a.permute(1, 0).plus(b); }
    },
    SOFTMAX_ROWS {
        Tensor apply(Tensor a, Tensor b) { return a.softmax(1); }
    },
    SOFTMAX_COLUMNS {
        Tensor apply(Tensor a, Tensor b) { return a.softmax(0).times(b); }
    },
    LOG_SOFTMAX {
        Tensor apply(Tensor a, Tensor b) { return a.minus(a.logsumexp(1).reshape(M, 1)); }
    },
    CUMSUM {
        Tensor apply(Tensor a, Tensor b) { return a.cumsum(0).minus(b.cumsum(1)); }
    },
    SUM_AXIS {
        Tensor apply(Tensor a, Tensor b) { return b.plus(a.sum(0).reshape(1, M)); }
    },
    MEAN_AXIS {
        Tensor apply(Tensor a, Tensor b) { return b.times(a.mean(1).reshape(M, 1)); }
    },
    MAX_AXIS {
        Tensor apply(Tensor a, Tensor b) { return a.minus(a.max(1).reshape(M, 1)); }
    },
    MIN_AXIS {
        Tensor apply(Tensor a, Tensor b) { return b.plus(a.min(0).reshape(1, M)); }
    },
    PROD_AXIS {
        Tensor apply(Tensor a, Tensor b) { return b.times(a.tanh().prod(0).reshape(1, M)); }
    },
    ROLL_ROWS {
        Tensor apply(Tensor a, Tensor b) {
            return Tensor.concat(0, a.slice(range(1, M), all()), a.slice(range(0, 1), all()));
        }
    },
    STACK_COLUMNS {
        Tensor apply(Tensor a, Tensor b) {
            Tensor[] cols = new Tensor[M];
            for (int j = 0; j < M; j++) cols[j] = a.slice(all(), zygote4j.Zygote.at(M - 1 - j)).times(b.get(j, j));
            return Tensor.stack(1, cols);
        }
    },
    ELEMENTS {
        Tensor apply(Tensor a, Tensor b) {
            return Tensor.of(a.get(0, 1), a.get(1, 1).times(b.get(2, 0)), a.get(M - 1, 0), b.get(0, 0).sin(),
                    a.get(1, 2), a.get(2, 2), b.get(1, 0), a.get(0, 0).times(b.get(2, 2)), a.get(2, 1)).reshape(M, M);
        }
    },
    SCALARS {
        Tensor apply(Tensor a, Tensor b) {
            return b.times(a.sum().tanh()).plus(a.mean()).minus(a.max()).plus(b.min().times(a.prod().tanh()));
        }
    },
    INV {
        Tensor apply(Tensor a, Tensor b) { return wellConditioned(a).inv(); }
    },
    SOLVE {
        Tensor apply(Tensor a, Tensor b) { return wellConditioned(a).solve(b); }
    },
    DET {
        Tensor apply(Tensor a, Tensor b) { return b.times(wellConditioned(a).det().div(30)); }
    },
    LOGDET {
        Tensor apply(Tensor a, Tensor b) { return b.times(spd(a).logdet()); }
    },
    CHOLESKY {
        Tensor apply(Tensor a, Tensor b) { return spd(a).cholesky(); }
    },
    TRACE_NORM {
        Tensor apply(Tensor a, Tensor b) { return b.times(a.trace().tanh()).plus(a.norm()); }
    };

    /** Matrices are M x M. */
    static final int M = 3;

    private static final Tensor IDENTITY = Tensor.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});

    /** Diagonally dominant for inputs of moderate size. */
    static Tensor wellConditioned(Tensor a) {
        return a.tanh().times(0.3).plus(IDENTITY.times(2));
    }

    /** Symmetric positive definite, eigenvalues at least 1. */
    static Tensor spd(Tensor a) {
        Tensor t = a.tanh();
        return t.matmul(t.transpose()).plus(IDENTITY);
    }

    abstract Tensor apply(Tensor a, Tensor b);
}
