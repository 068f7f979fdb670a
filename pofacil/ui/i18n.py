"""The UI language: Traditional Chinese by default, English on request.

UI strings are written in English in the code and translated through Qt (``tr()`` and
``assets/translations/pofacil_zh_TW.qm``). Labels that come with the data (note kinds,
templates, cells) carry both languages themselves; :func:`data_language` picks one.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

DEFAULT_LANGUAGE = "zh_TW"
LANGUAGES = {"zh_TW": "繁體中文", "en": "English"}
_installed: list[QTranslator] = []


def settings() -> QSettings:
    return QSettings("pofacil", "pofacil")


def current_language() -> str:
    value = str(settings().value("language", DEFAULT_LANGUAGE))
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    settings().setValue("language", language)


def data_language() -> str:
    """'zh' or 'en': which of a kind's or template's own labels to show."""
    return "zh" if current_language().startswith("zh") else "en"


def install_translators(app: QCoreApplication, language: str | None = None) -> str:
    """Load our translation and Qt's own (for standard dialog buttons); return the language."""
    language = language or current_language()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return language
    QLocale.setDefault(QLocale(language))
    ours = resources.files("pofacil.assets") / "translations" / f"pofacil_{language}.qm"
    candidates = [(str(ours), "")]
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates.append((f"qtbase_{language}", qt_dir))
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder) if folder else translator.load(name):
            app.installTranslator(translator)
            _installed.append(translator)
    return language
