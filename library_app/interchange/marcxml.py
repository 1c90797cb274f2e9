"""MARCXML (MARC21 slim) read into the same ``SourceRecord`` as ISO 2709, and written from it.

pymarc's SAX handler stops the whole file at the first record it cannot take (a subfield without
a code raises KeyError) and keeps no line numbers; a library importing a partner's export needs
the other records and a pointer to the bad line.  So the handler below extends pymarc's: it
builds our ``SourceRecord`` directly, checks every tag, indicator and code, and reports each
repair with the record number and the line.  Elements of the slim namespace or of none are read
(``collection``/``record`` with or without the ``marc:`` prefix); other namespaces (an OAI-PMH
envelope) are passed over.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, ClassVar
from xml.sax import SAXException, SAXParseException, make_parser
from xml.sax.handler import feature_external_ges, feature_external_pes, feature_namespaces
from xml.sax.saxutils import escape, quoteattr

from pymarc.marcxml import MARC_XML_NS, XmlHandler

from library_app.core.model import Record, SourceField, SourceRecord, Subfield
from library_app.core.progress import CancelCheck, ProgressCallback, never_cancelled, no_progress
from library_app.interchange.base import (
    FormatError,
    Problem,
    Reader,
    ReadOptions,
    ReadResult,
    Severity,
    WriteOptions,
    Writer,
    problem_text,
)
from library_app.interchange.marc21_export import to_source
from library_app.interchange.marc21_mapping import read_items

_TAG = re.compile(r"^[0-9A-Za-z]{3}$")
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


@dataclass
class XmlRecord:
    position: int
    line: int
    leader: str | None = None
    fields: list[SourceField] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class _Handler(XmlHandler):
    """Collects ``XmlRecord``s; text is gathered only inside leader, controlfield, subfield."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[XmlRecord] = []
        self._current: XmlRecord | None = None
        self._data_field: SourceField | None = None
        self._control_tag: str | None = None
        self._code: str | None = None
        self._collecting = False
        self._locator = None

    def setDocumentLocator(self, locator) -> None:
        self._locator = locator

    def _line(self) -> int:
        return self._locator.getLineNumber() if self._locator is not None else 0

    def _warn(self, message: str, where: str) -> None:
        assert self._current is not None
        self._current.problems.append(
            Problem(
                message,
                self._current.position,
                f"{where} (line {self._line()})",
                Severity.WARNING,
            )
        )

    def startElementNS(self, name, qname, attrs) -> None:
        uri, local = name
        if uri not in (MARC_XML_NS, None, ""):
            return
        self._text = []
        if local == "record":
            self._current = XmlRecord(len(self.found) + 1, self._line())
            self.found.append(self._current)
            return
        if self._current is None:
            return
        value = attrs.get
        if local == "leader":
            self._collecting = True
        elif local == "controlfield":
            tag = value((None, "tag"), "")
            self._control_tag = tag if self._valid_tag(tag) else None
            self._collecting = True
        elif local == "datafield":
            tag = value((None, "tag"), "")
            indicators = value((None, "ind1"), " ") + value((None, "ind2"), " ")
            self._data_field = None
            if self._valid_tag(tag):
                if len(indicators) != 2:
                    self._warn(
                        f"indicators «{indicators}» are not two characters; blanks used", tag
                    )
                    indicators = "  "
                self._data_field = SourceField(tag, indicators)
                self._current.fields.append(self._data_field)
        elif local == "subfield" and self._data_field is not None:
            code = value((None, "code"))
            where = self._data_field.tag
            self._code = code
            if code is None or len(code) != 1 or not code.isprintable() or code == " ":
                shown = "no code" if code is None else f"the code «{code}»"
                self._warn(f"a subfield with {shown} was left out", where)
                self._code = None
            self._collecting = True

    def _valid_tag(self, tag: str) -> bool:
        if _TAG.match(tag):
            return True
        self._warn(f"a field with the invalid tag «{tag}» was left out", f"tag {tag}")
        return False

    def endElementNS(self, name, qname) -> None:
        uri, local = name
        if uri not in (MARC_XML_NS, None, "") or self._current is None:
            return
        text = "".join(self._text)
        self._text = []
        self._collecting = False
        if local == "record":
            self._current = None
        elif local == "leader":
            self._current.leader = text
        elif local == "controlfield" and self._control_tag is not None:
            self._current.fields.append(SourceField(self._control_tag, data=text))
            self._control_tag = None
        elif local == "subfield" and self._data_field is not None and self._code is not None:
            self._data_field.subfields.append(Subfield(self._code, text))
            self._code = None
        elif local == "datafield":
            self._data_field = None

    def characters(self, content: str) -> None:
        if self._collecting:
            self._text.append(content)


def parse(path: Path) -> tuple[list[XmlRecord], str]:
    """The records of a MARCXML file and its declared encoding; FormatError when it is not
    well-formed XML, naming the line and column."""
    parser = make_parser()
    parser.setFeature(feature_namespaces, True)
    parser.setFeature(feature_external_ges, False)  # no entity may fetch files or URLs
    parser.setFeature(feature_external_pes, False)
    handler = _Handler()
    parser.setContentHandler(handler)
    try:
        with path.open("rb") as stream:
            head = stream.read(200)
            stream.seek(0)
            parser.parse(stream)
    except SAXParseException as error:
        raise FormatError(
            f"{path.name}: the XML is not well-formed at line {error.getLineNumber()}, "
            f"column {error.getColumnNumber() + 1}: {error.getMessage()}"
        ) from None
    except SAXException as error:
        raise FormatError(f"{path.name}: the XML cannot be read: {error.getMessage()}") from None
    except (LookupError, ValueError) as error:  # an unknown or lying encoding declaration
        raise FormatError(f"{path.name}: the XML cannot be decoded: {error}") from None
    except OSError as error:
        raise FormatError(f"{path}: cannot be read ({error.strerror or error})") from None
    declared = _DECLARED.match(head)
    return handler.found, declared.group(1).decode("ascii").lower() if declared else "utf-8"


def to_source_record(found: XmlRecord) -> tuple[SourceRecord | None, list[Problem]]:
    problems = list(found.problems)
    where = f"leader (line {found.line})"
    leader = found.leader
    if leader is None:
        problems.append(
            Problem(
                "the record has no leader; a blank one was used",
                found.position,
                where,
                Severity.WARNING,
            )
        )
        leader = " " * 24
    elif len(leader) != 24:
        problems.append(
            Problem(
                f"the leader is {len(leader)} characters long, not 24; "
                + ("it was padded with blanks" if len(leader) < 24 else "the rest was cut off"),
                found.position,
                where,
                Severity.WARNING,
            )
        )
        leader = leader.ljust(24)[:24]
    if not found.fields:
        problems.append(Problem("the record has no fields", found.position, f"line {found.line}"))
        return None, problems
    return SourceRecord("marc21", leader, found.fields), problems


class MarcXmlReader(Reader):
    format_id = "marcxml"
    label = "MARCXML"
    extensions: ClassVar[tuple[str, ...]] = (".xml", ".marcxml")

    @classmethod
    def sniff(cls, head: bytes) -> int:
        text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if text.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = text.decode("utf-16", "ignore").encode("utf-8")
        if not text.startswith(b"<"):
            return 0
        markers = (b"<record", b"marc:record", MARC_XML_NS.encode("ascii"))
        return 95 if any(marker in text for marker in markers) else 0

    def read(
        self,
        path: Path,
        options: ReadOptions,
        *,
        progress: ProgressCallback = no_progress,
        is_cancelled: CancelCheck = never_cancelled,
    ) -> ReadResult:
        found, encoding = parse(path)
        if not found:
            raise FormatError(f"{path.name}: no MARCXML record (<record>) in this XML file")
        decoded = ((item.position, *to_source_record(item)) for item in found)
        items, merged = read_items(decoded, len(found), progress, is_cancelled)
        if not any(item.readable for item in items) and not merged:
            errors = [p for item in items for p in item.problems if p.severity == Severity.ERROR]
            raise FormatError(
                f"{path.name}: no MARC21 record could be read: {problem_text(errors[:3])}"
            )
        return ReadResult(self.format_id, encoding, items, merged)


# --- writing ------------------------------------------------------------------------------------


def _text(value: str) -> str:
    return escape(_NOT_IN_XML.sub("", value))


def _attribute(value: str) -> str:
    return quoteattr(_NOT_IN_XML.sub("", value))


def record_xml(source: SourceRecord) -> str:
    """One ``<record>``, indented for people who open the file in an editor."""
    leader = (source.leader or "").ljust(24)[:24]
    lengths = (leader[:5] if leader[:5].isdigit() else "00000", leader[12:17])
    base = lengths[1] if lengths[1].isdigit() else "00000"
    leader = f"{lengths[0]}{leader[5:9]}a22{base}{leader[17:20]}4500"
    lines = ["  <record>", f"    <leader>{_text(leader)}</leader>"]
    for f in source.fields:
        tag = _attribute(f.tag)
        if f.is_control or not (f.indicators or any(s.code for s in f.subfields)):
            # a data field damaged into bare text (no indicators, no codes) stays bare text
            text = f.data if f.is_control else "".join(s.value for s in f.subfields)
            lines.append(f"    <controlfield tag={tag}>{_text(text)}</controlfield>")
            continue
        ind1, ind2 = (f.indicators + "  ")[:2]
        lines.append(f"    <datafield tag={tag} ind1={_attribute(ind1)} ind2={_attribute(ind2)}>")
        lines.extend(
            f"      <subfield code={_attribute(sub.code)}>{_text(sub.value)}</subfield>"
            for sub in f.subfields
        )
        lines.append("    </datafield>")
    lines.append("  </record>")
    return "\n".join(lines) + "\n"


class MarcXmlWriter(Writer):
    format_id = "marcxml"
    label = "MARCXML"
    extension = ".xml"

    def write(self, records: Iterable[Record], target: BinaryIO, options: WriteOptions) -> None:
        target.write(
            b'<?xml version="1.0" encoding="UTF-8"?>\n'
            + f'<collection xmlns="{MARC_XML_NS}">\n'.encode("ascii")
        )
        for record in records:
            target.write(record_xml(to_source(record)).encode("utf-8"))
        target.write(b"</collection>\n")
