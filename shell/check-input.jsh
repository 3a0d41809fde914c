gradient((a, b) -> a.times(b), 2, 3)
gradient(a -> a.times(a), 2)
gradient((a, b) -> dropgrad(a).times(b), 2, 3)
gradient((a, b) -> hook(Real::neg, a).times(b), 2, 3)
gradient(x -> x.times(x).sum(), Tensor.of(1, 2, 3))
/exit
