#!/usr/bin/python3
"""PyTorch side of the Zygote4j benchmark: the workloads of WORKLOADS.md in float64,
on the same splitmix64 data, with the same definitions.

For each workload and thread setting it prints the value, the checksum (sum of all
derivative entries), whether they match the reference figures, and the median times of
the primal (the same code under torch.no_grad()) and of value-and-derivative. It writes
JSON lines that `./zygote4j bench compare` puts next to Zygote4j's figures.

    /usr/bin/python3 bench/pytorch/run_pytorch.py                 # all workloads, 1 thread and all cores
    /usr/bin/python3 bench/pytorch/run_pytorch.py W1 W3 --threads 1 --budget 5
    /usr/bin/python3 bench/pytorch/run_pytorch.py W2 --system-malloc   # glibc's default malloc settings

It restarts itself once with glibc settings that keep freed memory in the process (see
MALLOC_SETTINGS below), unless --system-malloc is given.
"""
import argparse
import datetime
import json
import math
import os
import statistics
import sys
import time

# glibc gives large freed blocks back to the kernel (munmap, heap trimming), so every large
# temporary tensor lands on fresh pages; where a page fault is costly (about 8 us on the
# benchmark machine) that made W2's gradient 8x and W4-d64's 13x slower. These settings keep
# freed memory in the process, as the Zygote4j side keeps its heap (-Xms2g -XX:+AlwaysPreTouch):
# the strongest setting a user would choose. --system-malloc runs with glibc's defaults.
MALLOC_SETTINGS = {"MALLOC_MMAP_THRESHOLD_": "33554432", "MALLOC_TRIM_THRESHOLD_": "68719476736",
                   "MALLOC_TOP_PAD_": "536870912"}
if "--system-malloc" not in sys.argv and any(os.environ.get(k) != v for k, v in MALLOC_SETTINGS.items()):
    # glibc reads them when the process starts: start again with them.
    os.execve(sys.executable, [sys.executable] + sys.argv, {**os.environ, **MALLOC_SETTINGS})

import torch  # noqa: E402 (after the restart above, which must come first)

torch.set_default_dtype(torch.float64)

MASK64 = (1 << 64) - 1
MIN_REPS, MAX_REPS, MIN_WARMUP = 10, 200, 1
REL = 1e-9


# ---------------------------------------------------------------- data

class SplitMix64:
    """WORKLOADS.md's generator: splitmix64 seeded with 42, doubles uniform in [-1, 1)."""

    def __init__(self, seed=42):
        self.state = seed & MASK64

    def next_long(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def doubles(self, n, scale=1.0):
        out = [((self.next_long() >> 11) * 2.0 ** -53) * 2 - 1 for _ in range(n)]
        t = torch.tensor(out, dtype=torch.float64)
        return t * scale if scale != 1.0 else t


def check_generator():
    g = SplitMix64()
    first = [((g.next_long() >> 11) * 2.0 ** -53) * 2 - 1 for _ in range(3)]
    assert first == [0.4831297575436466, -0.6801792142461598, -0.4427977394897227], first


def tokens(path):
    with open(path) as f:
        return f.read().split()


# ---------------------------------------------------------------- workloads
# Each returns (setup) -> dict with 'primal' (callable, no grad) and 'grad' (callable
# returning (value, flat derivative tensor)).

def w1():
    x0 = SplitMix64().doubles(10_000)

    def f(x):
        # "written as a plain loop over scalars", as the definition says
        s = torch.zeros(())
        n = x.shape[0]
        a = x[0]
        for i in range(n - 1):
            b = x[i + 1]
            s = s + torch.sin(a) * torch.cos(b) + a * a / (1 + b * b)
            a = b
        return s

    def grad():
        x = x0.clone().requires_grad_(True)
        y = f(x)
        (g,) = torch.autograd.grad(y, x)
        return y.item(), g

    return dict(primal=lambda: f(x0).item(), grad=grad, style="Python loop over 0-d tensors")


def w1_vec():
    x0 = SplitMix64().doubles(10_000)

    def f(x):
        a, b = x[:-1], x[1:]
        return (torch.sin(a) * torch.cos(b) + a * a / (1 + b * b)).sum()

    def grad():
        x = x0.clone().requires_grad_(True)
        y = f(x)
        (g,) = torch.autograd.grad(y, x)
        return y.item(), g

    return dict(primal=lambda: f(x0).item(), grad=grad, style="whole-array (not the loop W1 asks for)")


def w2():
    x0 = SplitMix64().doubles(1_000_000)

    def f(x):
        a, b = x[:-1], x[1:]
        return (100 * (b - a * a) ** 2 + (1 - a) ** 2).sum()

    def grad():
        x = x0.clone().requires_grad_(True)
        y = f(x)
        (g,) = torch.autograd.grad(y, x)
        return y.item(), g

    return dict(primal=lambda: f(x0).item(), grad=grad, style="whole-array")


def w3():
    g = SplitMix64()
    X = g.doubles(256 * 784).reshape(256, 784)
    params = [g.doubles(784 * 256, 0.1).reshape(784, 256), g.doubles(256, 0.1),
              g.doubles(256 * 256, 0.1).reshape(256, 256), g.doubles(256, 0.1),
              g.doubles(256 * 10, 0.1).reshape(256, 10), g.doubles(10, 0.1)]
    y = torch.arange(256) % 10

    def f(W1, b1, W2, b2, W3, b3):
        h1 = torch.tanh(X @ W1 + b1)
        h2 = torch.tanh(h1 @ W2 + b2)
        z = h2 @ W3 + b3
        return (torch.logsumexp(z, dim=1) - z[torch.arange(256), y]).mean()

    def grad():
        ps = [p.clone().requires_grad_(True) for p in params]
        v = f(*ps)
        gs = torch.autograd.grad(v, ps)
        return v.item(), torch.cat([t.reshape(-1) for t in gs])

    return dict(primal=lambda: f(*params).item(), grad=grad, style="whole-array")


def read_gmm(path):
    t = tokens(path)
    d, K, n = int(t[0]), int(t[1]), int(t[2])
    pos = 3
    icf_sz = d * (d + 1) // 2

    def take(k):
        nonlocal pos
        out = torch.tensor([float(v) for v in t[pos:pos + k]])
        pos += k
        return out

    alphas = take(K)
    means = take(K * d).reshape(K, d)
    icf = take(K * icf_sz).reshape(K, icf_sz)
    rest = len(t) - pos
    if rest == n * d + 2:
        x = take(n * d).reshape(n, d)
    else:
        x = take(d).reshape(1, d).repeat(n, 1)
    gamma, m = float(t[pos]), int(float(t[pos + 1]))
    return d, K, n, alphas, means, icf, x, gamma, m


def gmm_objective(alphas, means, icf, x, gamma, m):
    """ADBench's GMM objective with whole-array operations."""
    n, d = x.shape
    K = alphas.shape[0]
    qs = icf[:, :d]
    qdiags = torch.exp(qs)
    sum_qs = qs.sum(1)
    # strictly-lower entries in ADBench's order: column by column
    rows = [j for i in range(d) for j in range(i + 1, d)]
    cols = [i for i in range(d) for j in range(i + 1, d)]
    L = torch.zeros(K, d, d, dtype=icf.dtype)
    L = L.index_put((torch.arange(K)[:, None], torch.tensor(rows)[None, :], torch.tensor(cols)[None, :]), icf[:, d:])
    xc = x[:, None, :] - means[None, :, :]                      # n K d
    qx = qdiags[None] * xc + torch.einsum("kji,nki->nkj", L, xc)
    main = alphas[None] + sum_qs[None] - 0.5 * (qx * qx).sum(2)  # n K
    slse = torch.logsumexp(main, dim=1).sum()
    const = -n * d * 0.5 * math.log(2 * math.pi)
    err = const + slse - n * torch.logsumexp(alphas, dim=0)
    nn = d + m + 1
    lgd = 0.25 * d * (d - 1) * math.log(math.pi) + sum(math.lgamma(0.5 * nn + 0.5 * (1 - j)) for j in range(1, d + 1))
    C = nn * d * (math.log(gamma) - 0.5 * math.log(2)) - lgd
    frob = (qdiags * qdiags).sum(1) + (icf[:, d:] ** 2).sum(1)
    prior = (0.5 * gamma * gamma * frob - m * sum_qs).sum() - K * C
    return err + prior


def w4(file, adbench):
    def make():
        d, K, n, alphas, means, icf, x, gamma, m = read_gmm(os.path.join(adbench, "data", "gmm", file))

        def grad():
            ps = [alphas.clone().requires_grad_(True), means.clone().requires_grad_(True), icf.clone().requires_grad_(True)]
            v = gmm_objective(*ps, x, gamma, m)
            gs = torch.autograd.grad(v, ps)
            return v.item(), torch.cat([t.reshape(-1) for t in gs])

        return dict(primal=lambda: gmm_objective(alphas, means, icf, x, gamma, m).item(), grad=grad, style="whole-array")
    return make


def w5():
    n = 100
    x0 = SplitMix64().doubles(n)

    def f(x):
        return torch.tanh(x * torch.roll(x, -1)).sum() + (x * x).sum() ** 2 / n

    state = {}

    def grad():
        if "strategy" not in state:
            try:
                h = torch.autograd.functional.hessian(f, x0, vectorize=True, outer_jacobian_strategy="forward-mode")
                state["strategy"] = "forward-mode"
            except Exception:  # an op without a forward-mode rule in this version
                state["strategy"] = "reverse-mode"
        h = torch.autograd.functional.hessian(f, x0, vectorize=True, outer_jacobian_strategy=state["strategy"])
        return f(x0).item(), h.reshape(-1)

    return dict(primal=lambda: f(x0).item(), grad=grad, style="torch.autograd.functional.hessian, vectorized",
                state=state)


def w6():
    x0, n = 1.0001, 1_000_000

    def f(x):
        r = torch.ones(())
        for _ in range(n):
            r = r * x
        return r

    def grad():
        x = torch.tensor(x0, requires_grad=True)
        y = f(x)
        (g,) = torch.autograd.grad(y, x)
        return y.item(), g.reshape(1)

    def primal():
        return f(torch.tensor(x0)).item()

    return dict(primal=primal, grad=grad, style="Python loop over 0-d tensors")


def read_lstm(path):
    t = [float(v) for v in tokens(path)]
    l, c, b = int(t[0]), int(t[1]), int(t[2])
    pos = 3

    def take(k):
        nonlocal pos
        out = torch.tensor(t[pos:pos + k])
        pos += k
        return out

    main = take(2 * l * 4 * b).reshape(2 * l, 4 * b)
    extra = take(3 * b).reshape(3, b)
    state = take(2 * l * b).reshape(2 * l, b)
    seq = take(c * b).reshape(c, b)
    return l, c, b, main, extra, state, seq


def lstm_objective(main, extra, state, seq):
    """ADBench's LSTM loss: vector operations over the b cells, a loop over time and layers."""
    l = main.shape[0] // 2
    b = extra.shape[1]
    c = seq.shape[0]
    hidden = [state[2 * i] for i in range(l)]
    cell = [state[2 * i + 1] for i in range(l)]
    total = torch.zeros(())
    count = 0
    x_in = seq[0]
    for t in range(c - 1):
        x = x_in * extra[0]
        for i in range(l):
            w, bias = main[2 * i], main[2 * i + 1]
            forget = torch.sigmoid(x * w[:b] + bias[:b])
            ingate = torch.sigmoid(hidden[i] * w[b:2 * b] + bias[b:2 * b])
            outgate = torch.sigmoid(x * w[2 * b:3 * b] + bias[2 * b:3 * b])
            change = torch.tanh(hidden[i] * w[3 * b:] + bias[3 * b:])
            cell[i] = cell[i] * forget + ingate * change
            hidden[i] = outgate * torch.tanh(cell[i])
            x = hidden[i]
        ypred = x * extra[1] + extra[2]
        lse = torch.log(torch.exp(ypred).sum() + 2)   # ADBench's normaliser, with its + 2
        gold = seq[t + 1]
        total = total + (gold * (ypred - lse)).sum()
        count += b
        x_in = gold
    return -total / count


def w7(adbench):
    def make():
        l, c, b, main, extra, state, seq = read_lstm(os.path.join(adbench, "data", "lstm", "lstm_l2_c1024.txt"))

        def grad():
            ps = [main.clone().requires_grad_(True), extra.clone().requires_grad_(True)]
            v = lstm_objective(ps[0], ps[1], state, seq)
            gs = torch.autograd.grad(v, ps)
            return v.item(), torch.cat([t.reshape(-1) for t in gs])

        return dict(primal=lambda: lstm_objective(main, extra, state, seq).item(), grad=grad,
                    style="vector ops per step (loop over time)")
    return make


def read_ba(path):
    t = tokens(path)
    n, m, p = int(t[0]), int(t[1]), int(t[2])
    vals = [float(v) for v in t[3:3 + 11 + 3 + 1 + 2]]
    cam, X, w, feat = vals[:11], vals[11:14], vals[14], vals[15:17]
    cams = torch.tensor(cam).repeat(n, 1)
    Xs = torch.tensor(X).repeat(m, 1)
    ws = torch.full((p,), w)
    feats = torch.tensor(feat).repeat(p, 1)
    obs = torch.stack([torch.arange(p) % n, torch.arange(p) % m], 1)
    return n, m, p, cams, Xs, ws, obs, feats


def ba_residuals(V, feats):
    """Reprojection errors of all observations at once; V is [p, 15] = camera, point, weight."""
    rot, C, f, x0, k = V[:, 0:3], V[:, 3:6], V[:, 6], V[:, 7:9], V[:, 9:11]
    X, w = V[:, 11:14], V[:, 14]
    Xo = X - C
    sqtheta = (rot * rot).sum(1)
    safe = sqtheta != 0
    # sqrt only where it is taken, so that the unused branch gives no NaN gradient
    theta_s = torch.sqrt(torch.where(safe, sqtheta, torch.ones_like(sqtheta)))
    wv = rot / theta_s[:, None]
    cos, sin = torch.cos(theta_s)[:, None], torch.sin(theta_s)[:, None]
    rotated = Xo * cos + torch.cross(wv, Xo, dim=1) * sin + wv * ((wv * Xo).sum(1)[:, None] * (1 - cos))
    small = Xo + torch.cross(rot, Xo, dim=1)
    Xcam = torch.where(safe[:, None], rotated, small)
    proj = Xcam[:, :2] / Xcam[:, 2:3]
    rsq = (proj * proj).sum(1)
    L = 1 + k[:, 0] * rsq + k[:, 1] * rsq * rsq
    proj = proj * L[:, None]
    return w[:, None] * (proj * f[:, None] + x0 - feats)


def w8(adbench):
    def make():
        n, m, p, cams, Xs, ws, obs, feats = read_ba(os.path.join(adbench, "data", "ba", "ba1_n49_m7776_p31843.txt"))
        V0 = torch.cat([cams[obs[:, 0]], Xs[obs[:, 1]], ws[:, None]], 1)

        def primal():
            e = ba_residuals(V0, feats)
            return (e.sum() + (1 - ws * ws).sum()).item()

        def grad():
            # Observation i's residuals depend only on row i of V, so the gradient of the sum
            # of all x errors with respect to V holds every x row of the Jacobian (same for y).
            V = V0.clone().requires_grad_(True)
            e = ba_residuals(V, feats)
            jx, = torch.autograd.grad(e[:, 0].sum(), V, retain_graph=True)
            jy, = torch.autograd.grad(e[:, 1].sum(), V)
            w = ws.clone().requires_grad_(True)
            werr = 1 - w * w
            jw, = torch.autograd.grad(werr.sum(), w)
            vals = torch.cat([torch.stack([jx, jy], 1).reshape(-1), jw])
            return (e.sum() + werr.sum()).item(), vals

        return dict(primal=primal, grad=grad, style="batched over observations")
    return make


REFERENCES = {
    "W1": (2630.8121741291843, 7149.541058265523),
    "W1-vec": (2630.8121741291843, 7149.541058265523),
    "W2": (54708254.286060095, -68617122.24740234),
    "W3": (2.3797517132697825, -0.12910588376743098),
    "W4": (-25649.6526211973, -17695.995235195696),
    "W5": (11.32787812117396, 289.846884617642),
    "W6": (2.6747109931126675e+43, 2.6744435487349853e+49),
}


def lstm_reference(adbench):
    path = os.path.join(adbench, "expected", "lstm_l2_c1024.expected.txt")
    try:
        lines = [l for l in open(path) if l.strip() and not l.startswith("#")]
        return float(lines[0]), sum(float(v) for v in lines[1].split()), 1e-8
    except OSError:
        return None


# ---------------------------------------------------------------- harness

def blas_info():
    """PyTorch's BLAS as built, and the library the system's libblas.so.3 points at."""
    import re
    keys = re.findall(r"\b(BLAS_INFO|USE_MKLDNN)=([^,\s]+)", torch.__config__.show())
    out = ", ".join("%s=%s" % kv for kv in keys)
    for lib in ("/usr/lib/x86_64-linux-gnu/libblas.so.3",):
        if os.path.exists(lib):
            out += ", libblas.so.3 -> " + os.path.realpath(lib)
    return out


def measure(fn, budget):
    start = time.perf_counter()
    warm = 0
    while warm < MIN_WARMUP or time.perf_counter() - start < budget / 3:
        fn()
        warm += 1
    times = []
    t0 = time.perf_counter()
    while len(times) < MAX_REPS and (len(times) < MIN_REPS or time.perf_counter() - t0 < budget * 2 / 3):
        a = time.perf_counter()
        fn()
        times.append(time.perf_counter() - a)
    return statistics.median(times), len(times)


def close(x, ref, tol):
    return abs(x - ref) <= tol * max(abs(ref), sys.float_info.min)


def fmt(s):
    if s is None or s != s:
        return "n/a"
    if s < 1e-3:
        return "%.3g us" % (s * 1e6)
    if s < 1:
        return "%.3g ms" % (s * 1e3)
    return "%.3g s" % s


def main():
    p = argparse.ArgumentParser(description="PyTorch side of the Zygote4j benchmark (float64).")
    p.add_argument("workloads", nargs="*", help="W1 W1-vec W2 W3 W4 W4-d64K50 W5 W6 W7 W8 (default: all)")
    p.add_argument("--threads", default="1,all", help="1, all, or 1,all (default)")
    p.add_argument("--budget", type=float, default=3.0, help="seconds per workload and thread setting (default 3)")
    p.add_argument("--out", default="bench/results/pytorch.jsonl", help="JSON lines output")
    p.add_argument("--adbench", default=os.environ.get("ADBENCH_DIR") or "/work/shared/adbench",
                   help="ADBench folder with data/ and expected/")
    p.add_argument("--system-malloc", action="store_true",
                   help="glibc's default malloc settings (large freed blocks go back to the kernel)")
    a = p.parse_args()
    check_generator()

    cores = os.cpu_count()
    threads = [cores if t.strip() == "all" else int(t) for t in a.threads.split(",")]
    makers = {
        "W1": w1, "W1-vec": w1_vec, "W2": w2, "W3": w3,
        "W4": w4("1k/gmm_d10_K25.txt", a.adbench), "W4-d64K50": w4("1k/gmm_d64_K50.txt", a.adbench),
        "W5": w5, "W6": w6, "W7": w7(a.adbench), "W8": w8(a.adbench),
    }
    names = {"W1": "scalar-loop", "W1-vec": "scalar-loop", "W2": "rosenbrock", "W3": "mlp", "W4": "gmm",
             "W4-d64K50": "gmm", "W5": "hessian", "W6": "pow-loop", "W7": "lstm", "W8": "ba"}
    selected = a.workloads or list(makers)
    for w in selected:
        if w not in makers:
            p.error("unknown workload %r; known: %s" % (w, " ".join(makers)))
    refs = dict(REFERENCES)
    lref = lstm_reference(a.adbench)
    date = datetime.datetime.now().astimezone().replace(microsecond=0).isoformat()
    blas = blas_info()
    load = open("/proc/loadavg").read().split()[0] if os.path.exists("/proc/loadavg") else "n/a"
    malloc = "glibc defaults" if a.system_malloc else " ".join("%s=%s" % kv for kv in MALLOC_SETTINGS.items())
    print("pytorch bench: torch %s, %d cores, threads %s, budget %s s, load average %s; %s; malloc: %s" % (
        torch.__version__, cores, threads, a.budget, load, blas, malloc), file=sys.stderr)
    rows = []
    for i, w in enumerate(selected, 1):
        try:
            wl = makers[w]()
        except OSError as e:
            print("[%d/%d] %s: skipped: %s" % (i, len(selected), w, e), file=sys.stderr)
            continue
        for t in threads:
            torch.set_num_threads(t)
            with torch.no_grad():
                primal_s, _ = measure(wl["primal"], a.budget / 2)
            grad_s, reps = measure(wl["grad"], a.budget / 2)
            value, deriv = wl["grad"]()
            checksum = deriv.sum().item()
            if w in refs:
                rv, rc = refs[w]
                vt = REL
            elif w == "W7" and lref:
                rv, rc, vt = lref
            else:
                rv = rc = None
            vok = None if rv is None else close(value, rv, vt)
            cok = None if rc is None else close(checksum, rc, REL)
            style = wl["style"] + (" (%s)" % wl["state"]["strategy"] if "state" in wl else "")
            row = dict(workload=w, name=names[w], threads=t, primal_plain_s=None, primal_lib_s=primal_s, grad_s=grad_s,
                       ratio_plain=None, ratio_lib=grad_s / primal_s, value=value, checksum=checksum, value_ok=vok,
                       checksum_ok=cok, reps=reps, lib_style=style, implementation="pytorch",
                       torch_version=torch.__version__, blas=blas, date=date, loadavg=load)
            rows.append(row)
            print("[%d/%d] %s %s threads=%d: primal %s, grad %s, grad/primal %.2f, value %s (%r), checksum %s (%r)" % (
                i, len(selected), w, names[w], t, fmt(primal_s), fmt(grad_s), grad_s / primal_s,
                "-" if vok is None else "ok" if vok else "DIFFERS", value,
                "-" if cok is None else "ok" if cok else "DIFFERS", checksum), file=sys.stderr)
    print()
    print("%-16s %7s %12s %12s %10s  %-8s %-8s" % ("workload", "threads", "primal", "grad", "grad/prim", "value", "checksum"))
    for r in rows:
        ok = lambda b: "-" if b is None else "ok" if b else "DIFFERS"
        print("%-16s %7d %12s %12s %10.2f  %-8s %-8s" % (r["workload"] + " " + r["name"], r["threads"], fmt(r["primal_lib_s"]),
                                                       fmt(r["grad_s"]), r["ratio_lib"], ok(r["value_ok"]), ok(r["checksum_ok"])))
    os.makedirs(os.path.dirname(a.out) or ".", exist_ok=True)
    with open(a.out, "w") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    print("\nJSON lines written to %s" % a.out)


if __name__ == "__main__":
    main()
