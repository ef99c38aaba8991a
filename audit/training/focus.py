"""Fit each language's focus-cue classifier and store it in `audit/models/focus-<language>.json`.

    python -m audit.training.focus [en ru tr]

Run after editing a language's focus cues (`audit/languages/<code>/focus.py`); until then the engine fits
the classifier itself whenever a bank is built, because the stored file's fingerprint no longer matches.
"""

from __future__ import annotations

import argparse
import sys

from audit.focus.cues import save_classifier
from audit.languages import get_language
from audit.languages.registry import supported_languages


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("languages", nargs="*", help="language codes (default: every supported language)")
    args = ap.parse_args(argv)
    for code in args.languages or supported_languages():
        print(f"wrote {save_classifier(get_language(code))}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
