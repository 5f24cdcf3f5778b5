"""The third-party components shipped with PCRM Desktop, their licences and full licence texts.

The About dialog lists them, and the installer build writes THIRD_PARTY_LICENSES.txt with
`write_notice(path)`. Versions and licences come from each distribution's installed metadata, so
they follow an upgrade by themselves; the list of distributions is fixed here because
requirements.lock is not part of the bundle (a test keeps the two equal). Full texts that no
package carries (LGPL/GPL for Qt, the font's OFL, Python's licence, our NOTICE) are in
resources/licenses. No Qt import at module level: the build script runs this without a display.
"""
from __future__ import annotations

import importlib.metadata
import platform
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from pcrm_desktop import APP_NAME, __version__
from pcrm_desktop.resources_path import resources_dir

# The runtime distributions of requirements.lock, spelled as there.
DISTRIBUTIONS = (
    "alembic", "cffi", "charset-normalizer", "cryptography", "et_xmlfile", "holidays", "Mako",
    "MarkupSafe", "openpyxl", "pillow", "psycopg", "psycopg-binary", "pycparser", "pypdfium2",
    "PySide6_Essentials", "python-dateutil", "reportlab", "shiboken6", "six", "SQLAlchemy",
    "typing_extensions", "koreanize-matplotlib",
)
# Installed with the program's requirements but not shipped in the bundle (installer/pcrm.spec
# leaves it out: of koreanize-matplotlib only its NanumGothic files travel).
NOT_SHIPPED = ("koreanize-matplotlib",)
NOTICE = "NOTICE.txt"
QT_TEXTS = ("LGPL-3.0.txt", "GPL-3.0.txt")  # the LGPL-3.0 is a set of permissions on the GPL-3.0
# Qt's own libraries come inside the PySide6 wheels, whose metadata carries no licence file;
# psycopg's carry the LGPL-3.0 itself (the same text: printed once, with the shared ones).
RESOURCE_TEXTS = {"PySide6_Essentials": QT_TEXTS, "shiboken6": QT_TEXTS,
                  "psycopg": QT_TEXTS, "psycopg-binary": QT_TEXTS}
# What a wheel bundles beside its own code, said where no licence file of the wheel says it.
PYTHON_NOTICES = {
    "psycopg-binary": (
        "The binary build bundles, in psycopg_binary.libs: libpq (PostgreSQL Licence), OpenSSL 3 "
        "(Apache-2.0), MIT Kerberos 5 and com_err (MIT), OpenLDAP's libldap and liblber (OpenLDAP "
        "Public Licence 2.8), Cyrus SASL (BSD-style), PCRE (BSD-3-Clause), libselinux (public "
        "domain), keyutils and libxcrypt (LGPL-2.1-or-later)."),
}
NANUM_NOTICE = ("Copyright © 2011 NHN Corporation. All rights reserved. "
                "Font designed by Sandoll Communications Inc.")
SQLITE_NOTICE = "SQLite is in the public domain: its authors disclaim copyright to its source code."


@dataclass(frozen=True)
class Component:
    name: str
    version: str                  # "" when unknown (a bundle built without the metadata)
    licence: str                  # an SPDX expression where the package gives one
    texts: tuple[str, ...] = ()   # files in resources/licenses holding its licence
    distribution: str = ""        # the Python distribution whose own licence files apply
    notice: str = ""              # a copyright line no licence file carries


def licences_dir() -> Path:
    return resources_dir() / "licenses"


def components() -> list[Component]:
    """Every shipped component: the Python distributions, then what is not a Python package."""
    found = sorted((_python_component(name) for name in DISTRIBUTIONS
                    if name not in NOT_SHIPPED), key=lambda c: c.name.casefold())
    return found + [
        Component("Qt", _qt_version(), "LGPL-3.0-only", QT_TEXTS),
        Component("Python", platform.python_version(), "PSF-2.0", ("Python-PSF-2.0.txt",)),
        Component("SQLite", sqlite3.sqlite_version, "Public domain", notice=SQLITE_NOTICE),
        Component("NanumGothic", "", "OFL-1.1", ("OFL-1.1.txt",), notice=NANUM_NOTICE),
    ]


def _python_component(name: str) -> Component:
    texts = RESOURCE_TEXTS.get(name, ())
    try:
        dist = importlib.metadata.distribution(name)
    except importlib.metadata.PackageNotFoundError:
        return Component(name, "", "", texts, name)
    metadata = dist.metadata  # parsed anew on each access
    return Component(name, metadata["Version"], licence_of(metadata), texts, name,
                     PYTHON_NOTICES.get(name, ""))


def licence_of(metadata) -> str:
    """The licence a distribution declares: its SPDX expression, else its licence classifiers,
    else the first line of its free-text field (some hold the whole licence there)."""
    expression = metadata.get("License-Expression")
    if expression:
        return expression
    classifiers = [c.rsplit(" :: ", 1)[-1] for c in metadata.get_all("Classifier") or []
                   if c.startswith("License ::")]
    if classifiers:
        return ", ".join(classifiers)
    text = (metadata.get("License") or "").strip()
    return text.splitlines()[0] if text else ""


def _qt_version() -> str:
    from PySide6.QtCore import qVersion
    return qVersion()


def own_texts(component: Component) -> list[tuple[str, str]]:
    """(title, text) of the notice and the licence files its distribution carries."""
    found = [("NOTICE", component.notice)] if component.notice else []
    if not component.distribution:
        return found
    try:
        dist = importlib.metadata.distribution(component.distribution)
    except importlib.metadata.PackageNotFoundError:
        return found
    return found + _licence_files(dist)


def _licence_files(dist: importlib.metadata.Distribution) -> list[tuple[str, str]]:
    """The files its License-File fields name: under licenses/ in metadata 2.4, beside METADATA
    in older wheels. Read as bytes: a few (pypdfium2's) are Latin-1, not UTF-8."""
    in_dist_info = {"/".join(f.parts[1:]): f for f in dist.files or []
                    if f.parts and f.parts[0].endswith(".dist-info")}
    found = []
    for name in dist.metadata.get_all("License-File") or []:
        file = in_dist_info.get(f"licenses/{name}") or in_dist_info.get(name)
        try:
            data = file.read_binary() if file is not None else b""
        except OSError:  # listed in RECORD but not copied (a partial bundle)
            continue
        if data:
            found.append((name, _decode(data)))
    return found


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def resource_text(name: str) -> str:
    """A file of resources/licenses; "" when missing (a broken install shows what it has)."""
    try:
        return (licences_dir() / name).read_text(encoding="utf-8")
    except OSError:
        return ""


def full_text(component: Component) -> str:
    """Everything that licenses the component, for the About dialog."""
    parts = own_texts(component) + [(name, resource_text(name)) for name in component.texts]
    return "\n\n".join(f"── {title} ──\n\n{text.strip()}" for title, text in parts if text)


def write_notice(path: Path) -> None:
    """THIRD_PARTY_LICENSES.txt for the installer: the notice, the table, every component's own
    licence files, then each shared text of resources/licenses once."""
    found = components()
    lines = [f"{APP_NAME} {__version__} — third-party components", "",
             resource_text(NOTICE).strip(), "", _banner("Components"), *_table(found)]
    shared = {_words(resource_text(name)) for c in found for name in c.texts}
    for component in found:
        lines += ["", _banner(_title(component))]
        lines += [f"── {title} ──\n\n{text.strip()}\n" for title, text in own_texts(component)
                  if _words(text) not in shared]  # a shared text itself: once, below
        lines += [f"Licence text: {name} (below)" for name in component.texts]
    for name in sorted({name for c in found for name in c.texts}):
        lines += ["", _banner(name), resource_text(name).strip()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _words(text: str) -> str:
    return " ".join(text.split())


def _title(component: Component) -> str:
    version = f" {component.version}" if component.version else ""
    return f"{component.name}{version} — {component.licence or 'licence unknown'}"


def _table(found: list[Component]) -> list[str]:
    width = max(len(c.name) for c in found) + 2
    return [f"{c.name:<{width}}{c.version or '-':<14}{c.licence}" for c in found]


def _banner(title: str) -> str:
    return f"{'=' * 78}\n{title}\n{'=' * 78}"
