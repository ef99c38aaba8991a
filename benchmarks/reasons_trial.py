"""Which reason short roadside calls are about, as the engine reads them (data/roadside_reasons.yaml).

    python benchmarks/reasons_trial.py [--scorers FILE]

A check on reason scorers beside the bench sets: SGD's services have two reasons each and realistic-dev
few calls per checklist, so a reason scorer can learn a default reason ("will not start" for every roadside
call) that their figures hardly show. Prints each call's reasons and how many calls got exactly their own.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audit.checklist import load_checklist  # noqa: E402
from audit.engine import AuditEngine  # noqa: E402
from audit.matching.model import Scorers  # noqa: E402
from audit.transcript import Transcript  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TRIAL = ROOT / "benchmarks" / "data" / "roadside_reasons.yaml"
INTAKE = [("agent", "Thanks. What is the year, make and model?"), ("customer", "It's a 2016 Honda Civic."),
          ("agent", "And where is the vehicle right now?"), ("customer", "On Maple Street by the pharmacy.")]


def transcript(k: int, caller: list[str]) -> Transcript:
    turns = [("agent", "Roadside assistance, how can I help you?"), ("customer", caller[0]),
             ("agent", "Okay, I'm sorry to hear that. Can I get your full name?"),
             *[("customer", text) for text in caller[1:]], ("customer", "Dana Reyes."), *INTAKE]
    return Transcript.model_validate({"call_id": f"roadside-{k}", "language": "en",
                                      "utterances": [{"speaker": s, "text": t} for s, t in turns]})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scorers", type=Path, default=None, help="a scorers file (default: the shipped ones)")
    args = ap.parse_args(argv)
    engine = AuditEngine(scorers=Scorers.load(args.scorers) if args.scorers else None)
    checklist = load_checklist(ROOT / "scripts_db" / "roadside.yaml")
    calls = yaml.safe_load(TRIAL.read_text(encoding="utf-8"))["calls"]
    right = 0
    for k, call in enumerate(calls):
        report = engine.audit(transcript(k, call["caller"]), checklist)
        right += report.reasons == [call["reason"]]
        print(f"{call['reason']:12s} -> {', '.join(report.reasons)}")
    print(f"exactly right: {right} of {len(calls)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
