"""`cite` and `print`: references and printed products (PDF) on the command line.

`print PRODUCT` takes its options from the product's options dataclass (``reports.products``),
so a new option of a product is a new flag here without a change in this file.  Those classes
live in the product modules, which import ReportLab: they are read only once `print` runs,
never while the parser of every command (and of the window's start) is built.  That is why the
product's flags are parsed in a second step, by a parser made for that product.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import enum
import sys
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from library_app.cli.output import TerminalProgress, print_json
from library_app.core.errors import InputError
from library_app.reports.citation import DEFAULT_STYLE, STYLES

_FLAG_ALIASES = {"date_from": "--from", "date_to": "--to"}
# Values of plain ``str`` options whose names say what they hold, shown in the help (the options
# class checks them); a product may declare ``choices`` in the field's metadata instead.
_KNOWN_CHOICES: dict[str, tuple[str, ...]] = {
    "style": STYLES,
    "group_by": ("none", "subject", "type", "language", "year"),
    "order": ("alphabetical", "year"),
    "page_size": ("A4", "A5"),
    "orientation": ("portrait", "landscape"),
    "language": ("ru", "en"),
    "layout": ("sheet", "single"),
    "kind": ("spine", "barcode", "both"),
    "classification": ("bbk", "udc", "local"),
}
_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")
_ITEMS = {  # what ReportResult.items counts, for the one-line summary: one, many
    "bibliography": ("entry", "entries"),
    "cards": ("card", "cards"),
    "labels": ("label", "labels"),
    "register": ("copy", "copies"),
    "bulletin": ("title", "titles"),
    "stats": ("record counted", "records counted"),
}


def add_parsers(command: Any, positive: Any, not_negative: Any) -> None:
    from library_app.reports.products import PRODUCTS

    p = command("cite", "print the bibliographic reference of one record")
    p.add_argument("record", metavar="ID", help="record id or the control number it came with")
    p.add_argument(
        "--style",
        default=DEFAULT_STYLE,
        metavar="STYLE",
        help=f"citation style: {', '.join(STYLES)} (default {DEFAULT_STYLE})",
    )
    p.set_defaults(handler=cite)

    listed = ", ".join(
        p.id if p.label.lower() == p.id else f"{p.id} ({p.label.lower()})" for p in PRODUCTS
    )
    p = command("print", "write a printed product as PDF: bibliography, cards, labels …")
    p.description = (
        f"Write a printed product as a PDF file. Products: {listed}. The records are those "
        "QUERY finds, those given with --ids, the basket (--basket), or the whole catalog. "
        "Run `library-app print PRODUCT --help` for the product's options."
    )
    p.usage = "library-app print PRODUCT [QUERY] [--ids 1,2,5-9 | --basket] -o FILE.pdf [options]"
    p.add_argument("product", nargs="?", metavar="PRODUCT")
    p.add_argument("arguments", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    p.set_defaults(handler=print_product)


# --- cite ------------------------------------------------------------------------------------


def cite(args: argparse.Namespace) -> int:
    from library_app.cli.commands import _open, _record_id, _records
    from library_app.reports.citation import check_style, format_reference

    style = check_style(args.style)
    with _open(args) as catalog:
        record = _records(catalog).get(_record_id(catalog, args.record))
    reference = format_reference(record, style)
    if args.json:
        print_json({"id": record.id, "style": style, "text": reference.text})
    else:
        print(reference.text)
    return 0


# --- print: the product's own parser ---------------------------------------------------------


class _ProductParser(argparse.ArgumentParser):
    """Refuses a bad flag with one line (an InputError), like every other mistake."""

    def error(self, message: str) -> typing.NoReturn:
        raise InputError(f"{self.prog.removeprefix('library-app ')}: {message}")


def _date(text: str) -> dt.date:
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"«{text}» is not a date; write it as 2024-03-31")


def _whole(minimum: float | None, maximum: float | None) -> Callable[[str], int]:
    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"«{text}» is not a whole number") from None
        if minimum is not None and value < minimum:
            raise argparse.ArgumentTypeError(f"{value} is less than {minimum:g}")
        if maximum is not None and value > maximum:
            raise argparse.ArgumentTypeError(f"{value} is more than {maximum:g}")
        return value

    return convert


def _number(text: str) -> float:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» is not a number") from None


def _choice(choices: tuple[Any, ...]) -> Callable[[str], Any]:
    """One of ``choices``, whatever the case ("a5" is A5); enums by their value."""
    by_text = {str(getattr(c, "value", c)).lower(): c for c in choices}

    def convert(text: str) -> Any:
        try:
            return by_text[text.strip().lower()]
        except KeyError:
            known = ", ".join(str(getattr(c, "value", c)) or '""' for c in choices)
            raise argparse.ArgumentTypeError(f"«{text}» is not one of: {known}") from None

    return convert


def _converter(hint: Any, meta: typing.Mapping[str, Any]) -> Callable[[str], Any] | None:
    """How to read one value of type ``hint`` from the command line; None if it cannot be."""
    if "choices" in meta:
        return _choice(tuple(meta["choices"]))
    if get_origin(hint) is Literal:
        return _choice(get_args(hint))
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _choice(tuple(hint))
    if hint is int:
        return _whole(meta.get("min"), meta.get("max"))
    if hint is float:
        return _number
    if hint is str:
        return str
    if hint is dt.date:
        return _date
    if hint is Path:
        return lambda text: Path(text).expanduser()
    return None


def _listed(hint: Any, meta: typing.Mapping[str, Any]) -> Callable[[str], Any] | None:
    """Comma-separated values: ``tuple[str, ...]``, ``list[int]``, ``tuple[float, float]`` or a
    small dataclass of numbers (a calibration offset "1.5,-0.5")."""
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        hints = typing.get_type_hints(hint)
        parts = [f for f in dataclasses.fields(hint) if f.init]
        readers = [_converter(hints.get(f.name), {}) for f in parts]
        if any(r is None for r in readers):
            return None

        def make(text: str) -> Any:
            values = _split(text, len(parts))
            return hint(*(r(v) for r, v in zip(readers, values, strict=True)))  # type: ignore[misc]

        return make
    origin = get_origin(hint)
    if origin not in (tuple, list):
        return None
    items = get_args(hint)
    fixed = origin is tuple and items and items[-1] is not Ellipsis
    reader = _converter(items[0], {}) if items else str
    if reader is None or (fixed and len(set(items)) != 1):
        return None

    def read(text: str) -> Any:
        values = _split(text, len(items) if fixed else None)
        return origin(reader(v) for v in values)

    return read


def _split(text: str, count: int | None) -> list[str]:
    values = [v.strip() for v in text.split(",") if v.strip()]
    if count is not None and len(values) != count:
        raise argparse.ArgumentTypeError(f"«{text}»: give {count} values separated by commas")
    return values


def _add_option(group: Any, field: dataclasses.Field[Any], hint: Any) -> None:
    meta = field.metadata
    if get_origin(hint) in (typing.Union, types.UnionType):
        members = [a for a in get_args(hint) if a is not type(None)]
        if len(members) != 1 and str not in members:
            return
        hint = members[0] if len(members) == 1 else str  # "name | SheetTemplate": by name
    flag = meta.get("flag") or _FLAG_ALIASES.get(field.name) or "--" + field.name.replace("_", "-")
    default = field.default if field.default is not dataclasses.MISSING else None
    help_text = meta.get("help") or field.name.replace("_", " ")
    if hint is bool:
        kwargs: dict[str, Any] = {"action": argparse.BooleanOptionalAction}
        help_text += " (default: yes)" if default else ""
    else:
        reader = _converter(hint, meta) or _listed(hint, meta)
        if reader is None:
            return  # a kind of option the command line cannot spell; the window sets it
        kwargs = {"type": reader, "metavar": _metavar(field.name, hint, meta)}
        if default not in (None, "", ()):
            help_text += f" (default: {_shown(default)})"
    # a name that clashes with a general option of `print` is left to the window to set
    with contextlib.suppress(argparse.ArgumentError):
        group.add_argument(
            flag, dest=field.name, default=argparse.SUPPRESS, help=help_text, **kwargs
        )


def _shown(value: Any) -> str:
    if isinstance(value, tuple | list):
        return ",".join(_shown(v) for v in value)
    return str(getattr(value, "value", value))


def _metavar(name: str, hint: Any, meta: typing.Mapping[str, Any]) -> str:
    choices: tuple[Any, ...] = ()
    if "choices" in meta:
        choices = tuple(meta["choices"])
    elif get_origin(hint) is Literal:
        choices = get_args(hint)
    elif isinstance(hint, type) and issubclass(hint, enum.Enum):
        choices = tuple(hint)
    elif name in _KNOWN_CHOICES:
        choices = _KNOWN_CHOICES[name]
    if "metavar" in meta:
        return str(meta["metavar"])
    if choices:
        return "|".join(str(getattr(c, "value", c)) for c in choices if str(c))
    if hint is dt.date:
        return "DATE"
    if hint in (int, float):
        return "N"
    if get_origin(hint) in (tuple, list):
        return "A,B,…"
    return name.split("_")[-1].upper()


def product_parser(product_id: str) -> tuple[_ProductParser, type]:
    """The parser of `library-app print PRODUCT …` and the product's options class."""
    from library_app.reports.products import product

    chosen = product(product_id)
    options_class = chosen.options_class()
    parser = _ProductParser(
        prog=f"library-app print {chosen.id}",
        description=f"Write the {chosen.label.lower()} of the chosen records as a PDF file.",
    )
    parser.add_argument(
        "query", nargs="?", default=None, metavar="QUERY", help="the records this search finds"
    )
    parser.add_argument("--ids", metavar="1,2,5-9", help="these records instead of a search")
    parser.add_argument("--basket", action="store_true", help="the records in your basket")
    parser.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="the PDF file")
    general = parser.add_argument_group("general options (see library-app --help)")
    for flag, metavar in (("--data-dir", "DIR"), ("--db", "URL")):
        general.add_argument(flag, metavar=metavar, default=argparse.SUPPRESS)
    for flag, text in (("--json", "print the result as JSON"), ("--debug", "show tracebacks")):
        general.add_argument(flag, action="store_true", default=argparse.SUPPRESS, help=text)
    if dataclasses.is_dataclass(options_class):
        group = parser.add_argument_group(f"{chosen.label.lower()} options")
        hints = typing.get_type_hints(options_class)
        for field in dataclasses.fields(options_class):
            if field.init and not field.metadata.get("hidden") and field.metadata.get("cli", True):
                _add_option(group, field, hints.get(field.name, Any))
        _add_extras(chosen.id, group)
    return parser, options_class


# A few flags are not fields of the options: a spelling librarians know (cards per sheet) and
# another job of the same product (the labels' calibration sheet).
_PER_PAGE = {"1": "single", "4": "sheet"}


def _add_extras(product_id: str, group: Any) -> None:
    dests = {action.dest: action for action in group._group_actions}
    if product_id == "cards" and "layout" in dests:
        group.add_argument(
            "--per-page",
            type=_choice(tuple(_PER_PAGE)),
            metavar="1|4",
            default=argparse.SUPPRESS,
            help="cards per A4 sheet: 4 with cut marks (--layout sheet) or 1 (--layout single)",
        )
    if product_id == "labels":
        from library_app.reports.labels import TEMPLATES

        if "template" in dests:
            dests["template"].metavar = "SHEET"
            dests["template"].help = "label sheet: " + ", ".join(TEMPLATES)
        group.add_argument(
            "--calibration",
            action="store_true",
            default=argparse.SUPPRESS,
            help="print the calibration sheet (every label's outline and centre, moved by the "
            "offsets) instead of labels; without --offset-x-mm/--offset-y-mm the offsets "
            "saved for this computer are used",
        )


def _make_options(options_class: type, parsed: argparse.Namespace, product_id: str) -> Any:
    names = (
        {f.name for f in dataclasses.fields(options_class)}
        if dataclasses.is_dataclass(options_class)
        else set()
    )
    values = {name: value for name, value in vars(parsed).items() if name in names}
    if "per_page" in parsed:
        layout = _PER_PAGE[parsed.per_page]
        if values.setdefault("layout", layout) != layout:
            raise InputError(f"--per-page {parsed.per_page} and --layout {values['layout']} differ")
    try:
        return options_class(**values)
    except (TypeError, ValueError) as error:
        raise InputError(f"print {product_id}: {error}") from None


# --- print: choosing the records and writing the file ----------------------------------------


def _chosen_ids(catalog: Any, args: argparse.Namespace, parsed: argparse.Namespace) -> list[int]:
    from library_app.cli.batch_commands import parse_ids, search_ids
    from library_app.db.records import RecordRepository

    given = [
        name
        for name, present in (
            ("QUERY", parsed.query is not None),
            ("--ids", parsed.ids is not None),
            ("--basket", parsed.basket),
        )
        if present
    ]
    if len(given) > 1:
        raise InputError(f"give only one of QUERY, --ids and --basket, not {' and '.join(given)}")
    if parsed.ids is not None:
        return parse_ids(parsed.ids)
    if parsed.query is not None:
        return search_ids(
            catalog, args, query=parsed.query, outcome="nothing was printed", option="QUERY"
        )
    if parsed.basket:
        from library_app.services.basket import Basket

        basket = Basket.for_user(catalog.location.data_dir, catalog.user)
        if basket.problem:
            raise InputError(f"your basket cannot be read ({basket.problem}); nothing was printed")
        if not basket.ids:
            raise InputError("your basket is empty; nothing was printed")
        return basket.ids
    ids = RecordRepository(catalog).ids()
    if not ids:
        raise InputError("the catalog has no records; nothing was printed")
    return ids


def _labels_job(catalog: Any, options: Any, parsed: argparse.Namespace, build: Any):
    """Labels are printed with this computer's saved printer offsets unless others are given;
    ``--calibration`` prints the test sheet that finds those offsets instead."""
    from library_app.reports.labels import build_calibration_page, load_calibration

    if "offset_x_mm" not in parsed and "offset_y_mm" not in parsed:
        options = load_calibration(catalog.location.data_dir).apply(options)
    if getattr(parsed, "calibration", False):
        return options, lambda _catalog, _ids, chosen, stream, **_: build_calibration_page(
            chosen, stream
        )
    return options, build


def print_product(args: argparse.Namespace) -> int:
    from library_app.cli.commands import _open
    from library_app.core.files import check_target
    from library_app.reports.base import write_report
    from library_app.reports.products import BY_ID

    if args.product is None:
        raise InputError(f"print what? Give a product: {', '.join(BY_ID)}")
    parser, options_class = product_parser(args.product)
    parsed = parser.parse_args(args.arguments)
    for name in ("data_dir", "db", "json", "debug"):  # general options given after PRODUCT
        if name in parsed:
            setattr(args, name, getattr(parsed, name))
    options = _make_options(options_class, parsed, args.product)
    target = check_target(Path(parsed.output))
    chosen = BY_ID[args.product]
    build = chosen.build_function()
    calibration = getattr(parsed, "calibration", False)
    if calibration and (parsed.query is not None or parsed.ids is not None or parsed.basket):
        raise InputError("--calibration prints a test sheet; leave out QUERY, --ids and --basket")
    with _open(args) as catalog:
        if chosen.id == "labels":
            options, build = _labels_job(catalog, options, parsed, build)
        ids = [] if calibration else _chosen_ids(catalog, args, parsed)
        progress = TerminalProgress(f"Printing {chosen.label.lower()}", enabled=not args.json)

        def write(stream: Any) -> Any:
            result = build(catalog, ids, options, stream, progress=progress)
            if not result.items:  # checked before the file is put in place
                raise InputError(f"nothing to print in the {chosen.label.lower()}; no file written")
            return result

        try:
            result = write_report(target, write)
        finally:
            progress.finish()
    if args.json:
        print_json(
            {
                "file": str(target),
                "product": chosen.id,
                "pages": result.pages,
                "items": result.items,
            }
        )
    else:
        noun = _ITEMS.get(chosen.id, ("item", "items"))[result.items != 1]
        pages = "1 page" if result.pages == 1 else f"{result.pages:,} pages"
        print(f"Wrote {target}: {pages}, {result.items:,} {noun}.", file=sys.stdout)
    return 0
