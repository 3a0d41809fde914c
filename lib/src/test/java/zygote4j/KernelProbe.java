package zygote4j;

/**
 * Run in a fresh JVM by {@link MatmulKernelsTest}: one product through the public API,
 * then which kernel computed it, or the error the settings gave.
 */
final class KernelProbe {
    private KernelProbe() {
    }

    public static void main(String[] args) {
        try {
            Tensor a = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}).reshape(2, 3);
            Tensor b = Tensor.of(new double[] {1, 0, 2, 1, 0, 3}).reshape(3, 2);
            // [[1, 2, 3], [4, 5, 6]] @ [[1, 0], [2, 1], [0, 3]] = [[5, 11], [14, 23]]
            double[] c = a.matmul(b).toDoubleArray();
            System.out.println("product=" + java.util.Arrays.toString(c) + " kernel=" + KernelSettings.productName());
        } catch (IllegalStateException e) {
            System.out.println("error=" + e.getMessage());
        }
    }
}
