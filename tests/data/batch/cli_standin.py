"""Run the real ``verifier`` CLI with the stand-in verifier (for subprocess tests).

Usage: python cli_standin.py DELAY_SECONDS batch INPUT [options...]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from standin import StandInVerifier

from verifier import cli

delay = float(sys.argv[1])
cli._make_verifier = lambda corpus, index_dir: StandInVerifier(delay=delay)
cli.app(args=sys.argv[2:], prog_name="verifier")
