"""Choosing and installing the interface language.

Translations live as Qt ``.ts`` files (XML, reviewable in a diff) in ``translations/``; the
binary ``.qm`` files Qt loads are built here, at run time, with the ``lrelease`` that ships with
PySide6, and cached per user keyed on the ``.ts`` content.  That keeps generated files out of the
repository and out of the wheel, and a changed ``.ts`` is picked up on the next start.

Whatever goes wrong (no ``.ts``, no ``lrelease``, a broken ``.qm``), the program falls back to
its English source texts with a log warning: a missing translation must never stop a librarian
from working.

Languages can be switched while the program runs (the Frescobaldi pattern): installing a new
translator makes Qt send ``QEvent.LanguageChange`` to every widget, whose ``changeEvent`` calls
its ``retranslate_ui``; objects that are not widgets listen to ``language_changed``.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import platformdirs
from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
    Signal,
)

from library_app.config import APP_NAME

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
LANGUAGES = ("en", "ru")
"""Interface languages we ship, the source language first."""

LANGUAGE_NAMES = {"en": "English", "ru": "Русский"}
"""Each language named in itself, so people find theirs whatever the current language is."""

LANGUAGE_SETTING = "ui/language"
"""QSettings key: a code from LANGUAGES, or empty/absent for "as the system"."""

CATALOG_NAME = "library_app"
LRELEASE_TIMEOUT_S = 60


# --- choosing -------------------------------------------------------------------------------


def system_language(locale: QLocale | None = None) -> str:
    """The first of the user's preferred languages that we ship, else English.

    ``uiLanguages`` follows the desktop's ordered preference list (``LANGUAGE=kk:ru`` on Linux),
    so a Kazakh desktop that lists Russian as second choice gets Russian, not English.
    """
    locale = locale if locale is not None else QLocale.system()
    for tag in locale.uiLanguages():
        code = tag.replace("_", "-").split("-", 1)[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def choose_language(setting: object = None, locale: QLocale | None = None) -> str:
    """The language chosen in the settings if it is one we ship, else the system's."""
    if isinstance(setting, str) and setting in LANGUAGES:
        return setting
    return system_language(locale)


def saved_language(settings: QSettings) -> str:
    """The language code stored in ``settings``, or "" for "as the system"."""
    value = settings.value(LANGUAGE_SETTING, "")
    return value if isinstance(value, str) and value in LANGUAGES else ""


def save_language(settings: QSettings, language: str) -> None:
    """Store the user's choice ("" means: follow the system)."""
    settings.setValue(LANGUAGE_SETTING, language if language in LANGUAGES else "")


# --- finding and compiling ------------------------------------------------------------------


def translation_dirs() -> list[Path]:
    """Where ``.ts`` files may be: inside the installed package, then the source checkout.

    The wheel force-includes ``translations/`` as ``library_app/translations``; a source
    checkout (or an editable install) has it next to the package.
    """
    package_dir = Path(__file__).resolve().parent.parent
    return [package_dir / "translations", package_dir.parent / "translations"]


def find_ts_file(language: str) -> Path | None:
    for directory in translation_dirs():
        candidate = directory / f"{CATALOG_NAME}_{language}.ts"
        if candidate.is_file():
            return candidate
    return None


def find_lrelease() -> Path | None:
    """The ``lrelease`` of the installed PySide6 (the same Qt that will load the ``.qm``).

    PySide6 wheels put the binary in the package directory; the ``pyside6-lrelease`` wrapper
    sits next to the interpreter (``bin/`` or ``Scripts/``) of the environment.
    """
    suffix = ".exe" if sys.platform == "win32" else ""
    candidates: list[Path] = []
    try:
        import PySide6

        candidates.append(Path(PySide6.__file__).resolve().parent / f"lrelease{suffix}")
    except (ImportError, TypeError):  # a frozen build may have no package file
        pass
    candidates.append(Path(sys.executable).parent / f"pyside6-lrelease{suffix}")
    on_path = shutil.which("pyside6-lrelease")
    if on_path:
        candidates.append(Path(on_path))
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "translations"


def compile_translation(ts_file: Path, cache_dir: Path, lrelease: Path | None = None) -> Path:
    """Return a ``.qm`` compiled from ``ts_file``, building it into ``cache_dir`` if needed.

    The file name carries a hash of the ``.ts`` content, so an edited translation is rebuilt and
    two program versions sharing a cache never load each other's file.  The build goes to a
    temporary name first and is renamed into place, so two instances starting at once cannot
    read a half-written file.  Raises ``OSError`` (or ``subprocess.SubprocessError``) when the
    file cannot be built.
    """
    digest = hashlib.sha256(ts_file.read_bytes()).hexdigest()[:16]
    target = cache_dir / f"{ts_file.stem}.{digest}.qm"
    if target.is_file() and target.stat().st_size > 0:
        return target
    tool = lrelease or find_lrelease()
    if tool is None:
        raise FileNotFoundError("lrelease (part of PySide6) was not found")
    cache_dir.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f"{ts_file.stem}.", suffix=".tmp", dir=cache_dir)
    os.close(handle)
    try:
        _run_lrelease(tool, ts_file, Path(temporary))
        if Path(temporary).stat().st_size == 0:
            raise OSError(f"lrelease wrote an empty file for {ts_file}")
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    _remove_stale(cache_dir, ts_file.stem, keep=target)
    return target


def _run_lrelease(tool: Path, ts_file: Path, qm_file: Path) -> None:
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console flashing up on Windows
    result = subprocess.run(
        [os.fspath(tool), "-silent", os.fspath(ts_file), "-qm", os.fspath(qm_file)],
        capture_output=True,
        text=True,
        timeout=LRELEASE_TIMEOUT_S,
        creationflags=flags,
        check=False,
    )
    if result.returncode != 0:
        detail = " ".join((result.stderr or result.stdout).split())
        raise OSError(f"lrelease failed for {ts_file} (exit {result.returncode}): {detail}")


def _remove_stale(cache_dir: Path, stem: str, keep: Path) -> None:
    """Drop builds of older versions of the same ``.ts`` (best effort: another may use one)."""
    for old in cache_dir.glob(f"{stem}.*.qm"):
        if old != keep:
            with contextlib.suppress(OSError):
                old.unlink()


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


# --- installing -----------------------------------------------------------------------------


class LanguageManager(QObject):
    """Owns the installed translators of one application and switches them on request.

    Not a global: ``app.run`` creates one and hands it to the windows that offer a language
    menu; tests create their own and call ``uninstall`` afterwards.
    """

    language_changed = Signal(str)

    def __init__(
        self,
        app: QCoreApplication,
        cache_dir: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._cache_dir = cache_dir
        self._translators: list[QTranslator] = []
        self._language = SOURCE_LANGUAGE
        self._original_locale = QLocale()

    @property
    def language(self) -> str:
        """The language actually in use (English after a fallback)."""
        return self._language

    def set_language(self, language: str) -> str:
        """Install ``language`` (falling back to English) and return the language now in use."""
        if language not in LANGUAGES:
            log.warning("interface language %r is not available; using English", language)
            language = SOURCE_LANGUAGE
        translators = self._load(language)
        if translators is None and language != SOURCE_LANGUAGE:
            language, translators = SOURCE_LANGUAGE, self._load(SOURCE_LANGUAGE)
        translators = translators or []  # English source texts need no translator
        self._remove_translators()
        # The locale first: LanguageChange handlers format numbers with the new default.
        QLocale.setDefault(self._locale_for(language))
        for translator in translators:
            self._app.installTranslator(translator)
        self._translators = translators
        changed = language != self._language
        self._language = language
        if changed:
            self.language_changed.emit(language)
        return language

    def uninstall(self) -> None:
        """Remove our translators and restore the default locale (English source texts)."""
        self._remove_translators()
        QLocale.setDefault(self._original_locale)
        if self._language != SOURCE_LANGUAGE:
            self._language = SOURCE_LANGUAGE
            self.language_changed.emit(SOURCE_LANGUAGE)

    def _remove_translators(self) -> None:
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []

    def _locale_for(self, language: str) -> QLocale:
        """The system locale when it speaks ``language`` (keeps ru_KZ or en_GB formats), else
        the language's own: Russian text with "10,000" would look broken, and the "C" locale of
        an unconfigured system writes numbers without any grouping."""
        system = QLocale.system()
        if system_language(system) == language and system.language() != QLocale.Language.C:
            return system
        return QLocale(language)

    def _load(self, language: str) -> list[QTranslator] | None:
        """Our translator plus Qt's own (dialog buttons and the like); None if ours failed."""
        own = self._load_own(language)
        if own is None:
            return None
        translators = [own]
        qt_own = QTranslator(self)
        if qt_own.load(f"qtbase_{language}", os.fspath(qt_translations_dir())):
            translators.append(qt_own)
        elif language != SOURCE_LANGUAGE:
            log.info("Qt's own %s translation (qtbase) is not installed", language)
        return translators

    def _load_own(self, language: str) -> QTranslator | None:
        ts_file = find_ts_file(language)
        if ts_file is None:
            log.warning(
                "no translation file for %r in %s; the interface stays in English",
                language,
                ", ".join(os.fspath(d) for d in translation_dirs()),
            )
            return None
        try:
            qm_file = compile_translation(ts_file, self._cache_dir or default_cache_dir())
        except (OSError, subprocess.SubprocessError) as error:
            log.warning("cannot build the %s translation: %s; using English", language, error)
            return None
        translator = QTranslator(self)
        if not translator.load(os.fspath(qm_file)):
            log.warning("Qt cannot load %s; the interface stays in English", qm_file)
            return None
        return translator


def language_choices() -> Sequence[tuple[str, str]]:
    """(code, name in its own language) for a language menu."""
    return [(code, LANGUAGE_NAMES[code]) for code in LANGUAGES]
