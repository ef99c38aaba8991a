"""Auditing many calls: read them, pair each with its checklist, audit in chunks, write one report each.

Chunks go through `AuditEngine.audit_many`, so encoder batches span calls. A call that cannot be read,
has no checklist, or that the engine refuses is recorded as a failure and the others are still audited:
one bad file in a folder of thousands must not cost the rest.

Auditing is CPU-bound Python (regular expressions, small matrix work) that one process cannot spread over
cores, so with `workers` above one the chunks are audited in forked worker processes. They are forked after
the engine has loaded its models, so they share them instead of loading their own. Reading the calls and
checking their ids stays in this process, which keeps one place that knows every report file written.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from audit.checklist import Checklist
from audit.engine import AuditEngine
from audit.errors import AuditError
from audit.formats import AUDIO_EXTENSIONS, EXTENSIONS
from audit.report import Report, Summary
from audit.transcript import Transcript

CALL_EXTENSIONS: frozenset[str] = frozenset(EXTENSIONS) | AUDIO_EXTENSIONS

_FILE_SAFE = re.compile(r"[^/\\\x00]+")

CallLoader = Callable[[Path], Transcript]
ChecklistFor = Callable[[Transcript], Checklist | None]
Ready = tuple[Transcript, Checklist | None]


@dataclass(frozen=True)
class Failure:
    """A call that produced no report."""

    path: Path
    error: str


@dataclass
class BatchResult:
    """What a batch did; `seconds` is wall time for reading, auditing and writing."""

    reports: int = 0
    failures: list[Failure] = field(default_factory=list)
    questions: dict[str, int] = field(default_factory=lambda: {"needed": 0, "redundant": 0, "irrelevant": 0})
    waste_seconds: float = 0.0
    items_missing: int = 0
    seconds: float = 0.0

    @property
    def calls_per_second(self) -> float:
        return self.reports / self.seconds if self.seconds > 0 else 0.0

    def add(self, summary: Summary) -> None:
        """Count one report by its summary."""
        self.reports += 1
        for status in self.questions:
            self.questions[status] += getattr(summary, status)
        self.waste_seconds += summary.waste_seconds
        self.items_missing += summary.items_missing


def collect_calls(inputs: Iterable[str | Path]) -> tuple[list[Path], list[Failure]]:
    """The call files named: files as given, folders expanded to their transcripts and recordings (not
    recursively), sorted by name; a name that does not exist is a failure."""
    files: list[Path] = []
    missing: list[Failure] = []
    for raw in inputs:
        p = Path(raw)
        if p.is_dir():
            files += sorted(c for c in p.iterdir() if c.is_file() and c.suffix.lower() in CALL_EXTENSIONS)
        elif p.is_file():
            files.append(p)
        else:
            missing.append(Failure(p, "no such file or folder"))
    return files, missing


class BatchRunner:
    """Audits call files in chunks and writes `<call_id>.json` reports into one folder."""

    def __init__(
        self,
        engine: AuditEngine,
        *,
        load: CallLoader,
        checklist_for: ChecklistFor,
        out_dir: Path,
        chunk_size: int = 64,
        on_progress: Callable[[int], None] | None = None,
        on_failure: Callable[[Failure], None] | None = None,
        workers: int = 1,
    ) -> None:
        self.engine = engine
        self.load = load
        self.checklist_for = checklist_for
        self.out_dir = out_dir
        self.chunk_size = max(1, chunk_size)
        self.on_progress = on_progress or (lambda n: None)
        self.on_failure = on_failure or (lambda f: None)
        self.workers = max(1, workers)
        self._written: dict[str, Path] = {}

    def run(self, files: Sequence[Path]) -> BatchResult:
        """Audit every file; failures are collected, never raised."""
        self.out_dir.mkdir(parents=True, exist_ok=True)
        result = BatchResult()
        started = time.perf_counter()
        chunks = [files[i : i + self.chunk_size] for i in range(0, len(files), self.chunk_size)]
        if self.workers > 1 and len(chunks) > 1 and "fork" in multiprocessing.get_all_start_methods():
            self._run_forked(chunks, result)
        else:
            for chunk in chunks:
                self._record(self._audit_chunk(self._ready(chunk, result)), result)
        result.seconds = time.perf_counter() - started
        return result

    def _run_forked(self, chunks: list[Sequence[Path]], result: BatchResult) -> None:
        """Audit the chunks in worker processes. Calls are read here while the workers audit, one chunk ahead
        of them; results are recorded in chunk order."""
        global _FORKED
        first = self._ready(chunks[0], result)
        self._warm_up(first)  # before forking: the workers then share the models instead of each loading them
        _FORKED = self
        pending: deque[tuple[list[tuple[Path, Ready]], Future]] = deque()
        try:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(min(self.workers, len(chunks)), mp_context=context,
                                     initializer=_single_threaded) as pool:
                for k, chunk in enumerate(chunks):
                    ready = first if k == 0 else self._ready(chunk, result)
                    try:
                        pending.append((ready, pool.submit(_audit_forked, ready)))
                    except BrokenProcessPool:  # a worker died: the chunks not yet handed out are audited here
                        self._record(self._audit_chunk(ready), result)
                    while len(pending) > self.workers:
                        self._collect(*pending.popleft(), result)
                while pending:
                    self._collect(*pending.popleft(), result)
        finally:
            _FORKED = None

    def _warm_up(self, ready: list[tuple[Path, Ready]]) -> None:
        """Load the models of the languages these calls are in; another language loads in each worker."""
        for code in sorted({t.language or (c.language if c else "en") for _, (t, c) in ready}):
            try:
                self.engine.warm_up((code,))
            except AuditError:
                pass  # a language without support: its calls fail in the worker, each with the message

    def _collect(self, ready: list[tuple[Path, Ready]], future: Future, result: BatchResult) -> None:
        try:
            outcome = future.result()
        except BrokenProcessPool:  # a worker was killed (out of memory, a signal): the chunks it held, or that
            # were waiting, have no report; they are not retried here, where the same call could kill this process
            outcome = [(path, "the worker process auditing it died") for path, _ in ready]
        self._record(outcome, result)

    def _fail(self, result: BatchResult, path: Path, error: str) -> None:
        failure = Failure(path, error)
        result.failures.append(failure)
        self.on_failure(failure)

    def _prepare(self, path: Path, result: BatchResult) -> tuple[Transcript, Checklist | None] | None:
        try:
            transcript = self.load(path)
            checklist = self.checklist_for(transcript)
        except AuditError as e:
            self._fail(result, path, str(e))
            return None
        if not _FILE_SAFE.fullmatch(transcript.call_id) or transcript.call_id in {".", ".."}:
            self._fail(result, path, f"call id {transcript.call_id!r} cannot name a report file")
            return None
        earlier = self._written.get(transcript.call_id)
        if earlier is not None:
            self._fail(result, path, f"call id {transcript.call_id!r} was already audited from {earlier}")
            return None
        self._written[transcript.call_id] = path
        return transcript, checklist

    def _ready(self, chunk: Sequence[Path], result: BatchResult) -> list[tuple[Path, Ready]]:
        """The chunk's calls that could be read and paired with a checklist; the others are failures."""
        ready: list[tuple[Path, Ready]] = []
        for path in chunk:
            pair = self._prepare(path, result)
            if pair is None:
                self.on_progress(1)
            else:
                ready.append((path, pair))
        return ready

    def _audit_chunk(self, ready: list[tuple[Path, Ready]]) -> list[tuple[Path, Summary | str]]:
        """Audit and write the chunk's reports: each call's summary, or why it has no report."""
        if not ready:
            return []
        try:
            reports: list[Report | AuditError] = list(self.engine.audit_many([pair for _, pair in ready]))
        except AuditError:
            reports = [self._audit_one(pair) for _, pair in ready]  # isolate the call the engine refused
        outcome: list[tuple[Path, Summary | str]] = []
        for (path, _), report in zip(ready, reports, strict=True):
            if isinstance(report, AuditError):
                outcome.append((path, str(report)))
            else:
                self._write(report)
                outcome.append((path, report.summary))
        return outcome

    def _record(self, outcome: list[tuple[Path, Summary | str]], result: BatchResult) -> None:
        for path, done in outcome:
            if isinstance(done, str):
                self._fail(result, path, done)
            else:
                result.add(done)
            self.on_progress(1)

    def _audit_one(self, pair: tuple[Transcript, Checklist | None]) -> Report | AuditError:
        try:
            return self.engine.audit(*pair)
        except AuditError as e:
            return e

    def _write(self, report: Report) -> None:
        (self.out_dir / f"{report.call_id}.json").write_text(
            report.to_json(indent=None) + "\n", encoding="utf-8"
        )


# the runner whose chunks forked workers audit: set before the pool forks, so each worker inherits it (engine,
# models and all) instead of receiving it pickled
_FORKED: BatchRunner | None = None


def _single_threaded() -> None:
    """Workers already fill the cores; a worker's own matrix threads would only contend with the others."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)
    if "torch" in sys.modules:  # loaded for speech or a transformer encoder
        sys.modules["torch"].set_num_threads(1)


def _audit_forked(ready: list[tuple[Path, Ready]]) -> list[tuple[Path, Summary | str]]:
    assert _FORKED is not None, "a batch worker runs only inside BatchRunner._run_forked"
    return _FORKED._audit_chunk(ready)


# each worker holds its own caches and working arrays (about 300 MB on sgd-dev) beside the shared models
MAX_DEFAULT_WORKERS = 8


def default_workers() -> int:
    """One worker per core this process may run on, at most `MAX_DEFAULT_WORKERS`."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return min(cores, MAX_DEFAULT_WORKERS)
