"""Per-language support: one package per language behind the `Language` interface, chosen by code."""

from audit.languages.base import Encoder, FocusCue, Language, Value
from audit.languages.registry import get_language, supported_languages

__all__ = ["Encoder", "FocusCue", "Language", "Value", "get_language", "supported_languages"]
