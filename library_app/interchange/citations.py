"""The reference-manager formats — RIS, BibTeX/biblatex and CSL-JSON — under one name for the
format registry ("citations:RisReader").

Each format lives in its own module (``ris``, ``bibtex``, ``csljson``; shared rules in
``citecommon`` and ``citenames``) and is imported only when its class is first asked for, so
reading a RIS file does not pay for importing bibtexparser.

Mapping between our material types and theirs:

===========  ==========================  ===============================  ===================
ours         RIS TY (written ← read)     BibTeX (written ← read)          CSL type
===========  ==========================  ===============================  ===================
book         BOOK ← EDBOOK PAMP DICT …   book ← mvbook collection …       book ← collection …
article      JOUR/CHAP/CPAPER            article/incollection/            article-journal/
             (by the host) ← MGZN NEWS   inproceedings ← inbook           chapter/
                                         bookinbook suppbook …            paper-conference
report       RPRT ← GOVDOC UNPB          techreport ← report              report
proceedings  CONF                        proceedings ← mvproceedings      book + genre
thesis       THES                        phdthesis/mastersthesis ←        thesis
                                         thesis
map          MAP ← CHART                 misc + type=map                  map
serial       JFULL ← SER                 periodical                       periodical
electronic   ELEC ← WEB BLOG EBOOK …     online ← electronic www          webpage ← post …
audiovisual  VIDEO ← MPCT SOUND …        video ← movie audio music        motion_picture
standard     STAND                       standard                         standard
===========  ==========================  ===============================  ===================

Any other type is read as a book, with a warning.
"""

from __future__ import annotations

import importlib
from typing import Any

_CLASSES = {
    "RisReader": "ris",
    "RisWriter": "ris",
    "BibtexReader": "bibtex",
    "BibtexWriter": "bibtex_write",
    "CslJsonReader": "csljson",
    "CslJsonWriter": "csljson",
}

__all__ = list(_CLASSES)


def __getattr__(name: str) -> Any:
    module = _CLASSES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"library_app.interchange.{module}"), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_CLASSES])
