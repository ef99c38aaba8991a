"""The one place languages are registered.

Languages are built lazily (their models load on first use) and kept for the life of the process.
"""

from __future__ import annotations

import importlib
import threading

from audit.errors import UnsupportedLanguageError
from audit.languages.base import Language

# language code -> "module:ClassName"
LANGUAGES: dict[str, str] = {
    "en": "audit.languages.en:English",
    "ru": "audit.languages.ru:Russian",
    "tr": "audit.languages.tr:Turkish",
}

_built: dict[str, Language] = {}
_lock = threading.Lock()


def supported_languages() -> list[str]:
    """Codes the engine can audit."""
    return sorted(LANGUAGES)


def normalize_code(code: str) -> str:
    """`en-US`, `EN`, `en_GB` -> `en`."""
    return code.strip().lower().replace("_", "-").split("-")[0]


def get_language(code: str) -> Language:
    """The language for a call's or checklist's code; refuses codes with no support."""
    key = normalize_code(code or "")
    if key not in LANGUAGES:
        raise UnsupportedLanguageError(
            f"language {code!r} is not supported; supported languages: {', '.join(supported_languages())}"
        )
    with _lock:
        if key not in _built:
            module, cls = LANGUAGES[key].split(":")
            _built[key] = getattr(importlib.import_module(module), cls)()
        return _built[key]
