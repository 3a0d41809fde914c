#!/usr/bin/env bash
# Installs PyTorch for the side-by-side benchmark from Debian's packages (PyPI is not
# needed), with OpenBLAS as the system BLAS, and says which BLAS PyTorch will use.
#   bench/pytorch/setup.sh            install (needs root), then report
#   bench/pytorch/setup.sh --check    only report what is installed
# The benchmark itself: /usr/bin/python3 bench/pytorch/run_pytorch.py --help
set -euo pipefail
PY=/usr/bin/python3   # Debian's interpreter: python3-torch installs into its dist-packages

if [[ "${1:-}" != "--check" ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup.sh: installing needs root (apt-get); run as root or with sudo, or use --check" >&2
    exit 1
  fi
  apt-get update -qq
  # libopenblas0-pthread registers itself as the libblas.so.3 / liblapack.so.3 alternative,
  # so PyTorch's BLAS calls go to OpenBLAS instead of the reference BLAS.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    python3-torch python3-numpy libopenblas0-pthread >/dev/null
fi

echo "python:   $($PY --version 2>&1) ($PY)"
if ! $PY -c "import torch" 2>/dev/null; then
  echo "torch:    not installed (run bench/pytorch/setup.sh as root)"
  exit 1
fi
$PY - <<'PYEOF'
import torch
print("torch:   ", torch.__version__, "| threads:", torch.get_num_threads())
import re
cfg = torch.__config__.show()
keys = re.findall(r"\b(BLAS_INFO|LAPACK_INFO|USE_MKLDNN|USE_OPENMP)=([^,\s]+)", cfg)
print("built with:", ", ".join("%s=%s" % kv for kv in keys) or "(see torch.__config__.show())")
print("           BLAS_INFO=generic means the system libblas.so.3, chosen by update-alternatives:")
PYEOF
for alt in libblas.so.3-x86_64-linux-gnu liblapack.so.3-x86_64-linux-gnu; do
  if command -v update-alternatives >/dev/null && update-alternatives --query "$alt" >/dev/null 2>&1; then
    echo "$alt -> $(update-alternatives --query "$alt" | awk '/^Value:/{print $2}')"
  fi
done
