package zygote4j.bench;

/**
 * One line of results: a workload measured at one thread setting.
 *
 * <pre>{@code row.ratioPlain();   // grad / primal_plain}</pre>
 *
 * @param workload the workload id
 * @param name the workload name
 * @param threads the thread setting (1, or the number of cores)
 * @param primalPlain median seconds of the plain-Java primal
 * @param primalLib median seconds of the Zygote4j primal (NaN when there is none)
 * @param grad median seconds of value and derivative (NaN when there is none)
 * @param value the value computed by the gradient run (by the plain run when there is none)
 * @param checksum the sum of all derivative entries (NaN when there is none)
 * @param valueOk whether the value matches the reference (null: no reference)
 * @param checksumOk whether the checksum matches the reference (null: no reference)
 * @param reps timed repetitions of the gradient (of the plain primal when there is none)
 * @param libStyle how the Zygote4j version is written
 * @param loadavg the machine's 1-minute load average when the row was measured
 */
public record Row(String workload, String name, int threads, double primalPlain, double primalLib, double grad,
        double value, double checksum, Boolean valueOk, Boolean checksumOk, int reps, String libStyle,
        String loadavg) {
    /**
     * A row read back from its JSON line (the inverse of {@link #toJson}).
     *
     * <pre>{@code Row.fromJson(Json.parseFlat(line)).workload();}</pre>
     *
     * @param m the parsed JSON object
     * @return the row
     */
    public static Row fromJson(java.util.Map<String, Object> m) {
        return new Row((String) m.get("workload"), (String) m.get("name"), num(m, "threads").intValue(),
                num(m, "primal_plain_s"), num(m, "primal_lib_s"), num(m, "grad_s"), num(m, "value"), num(m, "checksum"),
                (Boolean) m.get("value_ok"), (Boolean) m.get("checksum_ok"), num(m, "reps").intValue(),
                String.valueOf(m.get("lib_style")), String.valueOf(m.get("loadavg")));
    }

    private static Double num(java.util.Map<String, Object> m, String key) {
        return m.get(key) instanceof Double d ? d : Double.NaN;
    }

    /**
     * grad / primal_plain.
     *
     * <pre>{@code row.ratioPlain();}</pre>
     *
     * @return the ratio, NaN when there is no gradient
     */
    public double ratioPlain() {
        return grad / primalPlain;
    }

    /**
     * grad / primal_lib.
     *
     * <pre>{@code row.ratioLib();}</pre>
     *
     * @return the ratio, NaN when there is no Zygote4j version
     */
    public double ratioLib() {
        return grad / primalLib;
    }

    /**
     * This row as one JSON object on one line (the {@code latest.jsonl} format).
     *
     * <pre>{@code row.toJson();   // {"workload":"W1","threads":1,...}}</pre>
     *
     * @param date the run's date, ISO-8601
     * @return the JSON text
     */
    public String toJson(String date) {
        return "{" + Json.str("workload") + ":" + Json.str(workload)
                + "," + Json.str("name") + ":" + Json.str(name)
                + "," + Json.str("threads") + ":" + threads
                + "," + Json.str("primal_plain_s") + ":" + Json.num(primalPlain)
                + "," + Json.str("primal_lib_s") + ":" + Json.num(primalLib)
                + "," + Json.str("grad_s") + ":" + Json.num(grad)
                + "," + Json.str("ratio_plain") + ":" + Json.num(ratioPlain())
                + "," + Json.str("ratio_lib") + ":" + Json.num(ratioLib())
                + "," + Json.str("value") + ":" + Json.num(value)
                + "," + Json.str("checksum") + ":" + Json.num(checksum)
                + "," + Json.str("value_ok") + ":" + Json.bool(valueOk)
                + "," + Json.str("checksum_ok") + ":" + Json.bool(checksumOk)
                + "," + Json.str("reps") + ":" + reps
                + "," + Json.str("lib_style") + ":" + Json.str(libStyle)
                + "," + Json.str("implementation") + ":" + Json.str("zygote4j")
                + "," + Json.str("date") + ":" + Json.str(date)
                + "," + Json.str("loadavg") + ":" + Json.str(loadavg) + "}";
    }
}
