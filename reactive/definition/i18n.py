"""``gr.I18n``: an app's strings in several languages; each page shows its reader's language.

Example::

    i18n = gr.I18n(en={"greet": "Hello"}, fr={"greet": "Bonjour"})
    with gr.Blocks() as demo:
        gr.Button(i18n("greet"))

``i18n("greet")`` at definition is the English text (the key when there is none), marked so the
app knows its translations; each page's welcome replaces those texts with the page's language
(its ``Accept-Language``), falling back to English. Called while a function runs, it gives the
text in that page's language at once.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from reactive.errors import DefinitionError

#: The languages of the page whose function is running, best first (set by the session).
page_languages: contextvars.ContextVar[tuple[str, ...]] = contextvars.ContextVar(
    "reactive_page_languages", default=()
)


class I18nData(str):
    """A translatable text as written at definition: its English text, remembering its key."""

    key: str
    catalog: I18n

    def __new__(cls, text: str, key: str, catalog: I18n) -> I18nData:
        made = super().__new__(cls, text)
        made.key, made.catalog = key, catalog
        return made


class I18n:
    """Translations by language code (``en=``, ``fr=``, ``pt_BR=`` ...), each a key → text dict."""

    def __init__(self, **translations: Mapping[str, str]) -> None:
        self.translations: dict[str, dict[str, str]] = {}
        for language, texts in translations.items():
            if not isinstance(texts, Mapping) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in texts.items()
            ):
                raise DefinitionError(
                    f"gr.I18n({language}=...) takes a dict of key → text strings, got {texts!r}."
                )
            self.translations[_code(language)] = dict(texts)

    def __call__(self, key: str) -> str:
        """The text for ``key``: in the running page's language, else marked English."""
        languages = page_languages.get()
        if languages:
            return self.text(key, languages)
        return I18nData(self.text(key, ()), key, self)

    def text(self, key: str, languages: Iterable[str]) -> str:
        """``key`` in the first of ``languages`` that has it, else English, else the key."""
        for language in [*languages, "en"]:
            code = _code(language)
            for candidate in (code, code.split("-")[0]):
                found = self.translations.get(candidate, {}).get(key)
                if found is not None:
                    return found
        return key

    def translate(self, value: Any, languages: Iterable[str]) -> Any:
        """``value`` (a page's welcome) with every English text of this catalog in the first
        of ``languages`` that has it."""
        wanted = tuple(languages)
        english = {self.text(key, ()): key for texts in self.translations.values() for key in texts}
        return _walk(
            value, lambda text: self.text(english[text], wanted) if text in english else text
        )


def languages_of(accept_language: str | None) -> tuple[str, ...]:
    """The languages of an ``Accept-Language`` header, most wanted first."""
    if not accept_language:
        return ()
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept_language.split(",")):
        name, _, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        if name and name != "*" and weight > 0:
            ranked.append((-weight, index, name.strip()))
    return tuple(name for _, _, name in sorted(ranked))


def catalog_of(values: Iterable[Any]) -> I18n | None:
    """The catalog of the first translatable text among ``values`` (or in a list of them)."""
    for value in values:
        items = value if isinstance(value, list | tuple) else [value]
        for item in items:
            inner = item if isinstance(item, list | tuple) else [item]
            for text in inner:
                if isinstance(text, I18nData):
                    return text.catalog
    return None


def _code(language: str) -> str:
    return language.replace("_", "-").lower()


def _walk(value: Any, change: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return change(value)
    if isinstance(value, dict):
        return {k: _walk(v, change) for k, v in value.items()}
    if isinstance(value, list):
        return [_walk(v, change) for v in value]
    if isinstance(value, tuple):
        return tuple(_walk(v, change) for v in value)
    return value
