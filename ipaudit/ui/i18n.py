"""The UI language: Simplified Chinese (default) or English, switched at run time.

UI strings are written in English with ``self.tr()``; the Chinese comes from
``ipaudit/resources/i18n/ipaudit_zh_CN.qm`` (built by ``tools/i18n.py``), and the English
singular and plural of counted strings (``tr("%n file(s)", "", n)``) from ``ipaudit_en.qm``.
Installing or removing the translators makes Qt send ``QEvent.LanguageChange`` to every widget,
whose ``retranslate_ui()`` sets its strings again. Texts that come with the data (templates,
findings, error messages) carry both languages; widgets pick one with ``language()`` or
``text()``.
"""

from __future__ import annotations

import locale
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QComboBox

from ipaudit.resource_files import resource_path
from ipaudit.text import Text

I18N_DIR = resource_path("i18n")
LANGUAGES = ("zh", "en")
# language names are written in their own language: a reader of either finds theirs
LANGUAGE_NAMES = {"zh": "简体中文", "en": "English"}

_current = "zh"
_initialised = False
_translators: list[QTranslator] = []


def system_language() -> str:
    """ "en" when the environment asks for English (IPAUDIT_LANG, then the system locale), else "zh"."""
    env = os.environ.get("IPAUDIT_LANG", "")
    if env:
        return "en" if env.lower().startswith("en") else "zh"
    name = QLocale.system().name() or (locale.getlocale()[0] or "")
    return "en" if name.lower().startswith("en") else "zh"


def add_languages(combo: QComboBox, current: str) -> QComboBox:
    """The languages in ``combo`` by their own names (their codes as the items' data), ``current``
    chosen (else the first entry)."""
    for code, name in LANGUAGE_NAMES.items():
        combo.addItem(name, code)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def language() -> str:
    """The current UI language: "zh" or "en"."""
    return _current


def text(value: Text) -> str:
    """A two-language text (``ipaudit.text.Text``, the one bilingual type) in the UI language."""
    return value.get(_current)


def qm_path(lang: str = "zh") -> Path:
    return I18N_DIR / ("ipaudit_zh_CN.qm" if lang == "zh" else f"ipaudit_{lang}.qm")


def set_language(lang: str) -> str:
    """Install the translators for ``lang`` ("zh" or "en"); returns the language now in use.

    Qt's own strings (standard dialog buttons, context menus) follow through qtbase's catalogue.
    Every widget receives ``QEvent.LanguageChange`` afterwards.
    """
    global _current, _initialised
    lang = lang if lang in LANGUAGES else "zh"
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs a QApplication")
    if lang == _current and _initialised:
        return lang
    _initialised = True
    changed = bool(_translators)
    for tr in _translators:
        app.removeTranslator(tr)
    _translators.clear()
    _current = lang
    if lang == "zh":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in (("qtbase_zh_CN.qm", qt_dir), (qm_path("zh").name, str(I18N_DIR))):
            tr = QTranslator(app)
            if tr.load(name, folder):
                _translators.append(tr)
                app.installTranslator(tr)
                changed = True
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        # only the counted strings: "1 problem", "8 problems" for tr("%n problem(s)", "", n)
        tr = QTranslator(app)
        if tr.load(qm_path("en").name, str(I18N_DIR)):
            _translators.append(tr)
            app.installTranslator(tr)
            changed = True
    if not changed and isinstance(app, QApplication):
        # No translator came or went, so Qt sent nothing; texts taken from the data still change.
        # (Like Qt, post to the windows; a widget passes LanguageChange on to its children.)
        for widget in app.topLevelWidgets():
            QCoreApplication.postEvent(widget, QEvent(QEvent.Type.LanguageChange))
    return lang


def reset() -> None:
    """Back to the state before any ``set_language`` (no translators): for tests."""
    global _current, _initialised
    app = QCoreApplication.instance()
    for tr in _translators:
        if app is not None:
            app.removeTranslator(tr)
    _translators.clear()
    _current = "zh"
    _initialised = False
    QLocale.setDefault(QLocale.system())
