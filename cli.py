"""Thin shim: `python cli.py ...` is the same as the `verifier` console script."""
from verifier.cli import app

if __name__ == "__main__":
    app()
