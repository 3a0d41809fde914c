gradient((a, b) -> showgrad(a).times(b), 2, 3)
gradient(a -> showgrad("a", a).times(a), 2)
gradient((a, b) -> { showgrad("a", a); return a.times(b); }, 2, 3)
gradient((a, b) -> hook(abar -> { System.out.println("abar = " + abar); return abar; }, a).times(b), 2, 3)
gradient((a, b) -> hook(Real::neg, a).times(b), 2, 3)
gradient((a, b) -> dropgrad(a).times(b), 2, 3)
hessian(v -> v.get(0).times(v.get(1)), Tensor.of(2, 3))
Tensor vstack(Tensor xs) { Buffer buf = Buffer.of(xs, xs.length(), 5); for (int i = 0; i < 5; i++) buf.set(xs, all(), at(i)); return buf.copy(); }
vstack(Tensor.of(1, 2, 3))
gradient(x -> vstack(x).sum(), Tensor.of(1, 2, 3))
Real pow(Real x, int n) { Real r = Real.of(1); for (int i = 0; i < n; i++) r = r.times(x); return r; }
gradient(x -> forwarddiff(y -> pow(y, 2), x), 5)
gradient((a, b) -> forwarddiff(x -> x.times(b), a), 2, 3)
gradient((a, b) -> forwarddiff(v -> v.get(0).times(v.get(1)), Tensor.of(a, b)), 2, 3)
/exit
