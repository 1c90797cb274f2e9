"""Records as JSON-ready dicts and back.

One canonical JSON shape serves `show --json`, `add` from a file, `edit` patches and the portable
backup, so what a librarian sees is exactly what can be fed back.  Reading is strict: an unknown
key or a value of the wrong kind is reported with its path (``copies[0].status``) instead of being
silently dropped.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import cache
from typing import Any

from library_app.core.errors import InputError
from library_app.core.model import Record

JSONValue = Any


def to_jsonable(value: Any) -> JSONValue:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list):
        return [to_jsonable(v) for v in value]
    return value


def record_to_dict(record: Record) -> dict[str, JSONValue]:
    return to_jsonable(record)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_jsonable(cls: Any, data: JSONValue, path: str = "") -> Any:
    """Build a value of type ``cls`` from JSON data; raise InputError naming the bad path."""
    where = path or "record"
    origin = typing.get_origin(cls)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(cls) if a is not type(None)]
        if data is None:
            return None
        return from_jsonable(options[0], data, path)
    if origin is list:
        if not isinstance(data, list):
            raise InputError(f"{where}: expected a list, got {_kind(data)}")
        (item_type,) = typing.get_args(cls)
        return [from_jsonable(item_type, v, f"{path}[{i}]") for i, v in enumerate(data)]
    if dataclasses.is_dataclass(cls):
        if not isinstance(data, dict):
            raise InputError(f"{where}: expected an object, got {_kind(data)}")
        hints = _hints(cls)
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            paths = ", ".join(f"{path}.{name}" if path else name for name in unknown)
            raise InputError(f"unknown field(s): {paths}")
        kwargs = {}
        for name, value in data.items():
            sub = f"{path}.{name}" if path else name
            kwargs[name] = from_jsonable(hints[name], value, sub)
        try:
            return cls(**kwargs)
        except TypeError as exc:  # a required field is missing
            missing = [
                f.name
                for f in dataclasses.fields(cls)
                if f.name not in data
                and f.default is dataclasses.MISSING
                and f.default_factory is dataclasses.MISSING
            ]
            raise InputError(f"{where}: missing field(s) {', '.join(missing)}") from exc
    if isinstance(cls, type) and issubclass(cls, Enum):
        try:
            return cls(data)
        except ValueError:
            allowed = ", ".join(m.value for m in cls)
            raise InputError(f"{where}: «{data}» is not one of {allowed}") from None
    if cls is dt.datetime:
        return _parse(dt.datetime.fromisoformat, data, where, "a date and time (ISO 8601)")
    if cls is dt.date:
        return _parse(dt.date.fromisoformat, data, where, "a date YYYY-MM-DD")
    if cls is Decimal:
        if isinstance(data, bool) or not isinstance(data, (str, int, float)):
            raise InputError(f"{where}: expected a number, got {data!r}")
        try:
            number = Decimal(str(data))
        except InvalidOperation:
            raise InputError(f"{where}: «{data}» is not a number") from None
        if not number.is_finite():
            raise InputError(f"{where}: «{data}» is not a number")
        return number
    if cls is str:
        if isinstance(data, (int, float)) and not isinstance(data, bool):
            return str(data)  # "year": 2005 is what people write
        if not isinstance(data, str):
            raise InputError(f"{where}: expected text, got {_kind(data)}")
        return data
    if cls is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise InputError(f"{where}: expected a whole number, got {data!r}")
        return data
    if cls is bool:
        if not isinstance(data, bool):
            raise InputError(f"{where}: expected true or false, got {data!r}")
        return data
    raise InputError(f"{where}: unsupported value {data!r}")  # pragma: no cover


def _kind(data: JSONValue) -> str:
    """What a JSON value is, in the words of the JSON a person wrote."""
    if data is None:
        return "null"
    if isinstance(data, bool):
        return "true/false"
    if isinstance(data, (int, float)):
        return f"the number {data}"
    if isinstance(data, dict):
        return "an object"
    if isinstance(data, list):
        return "a list"
    return f"«{data}»"


def _parse(parser: Any, data: JSONValue, where: str, what: str) -> Any:
    if not isinstance(data, str):
        raise InputError(f"{where}: expected {what}, got {data!r}")
    try:
        return parser(data)
    except ValueError:
        raise InputError(f"{where}: «{data}» is not {what}") from None


def record_from_dict(data: JSONValue) -> Record:
    return from_jsonable(Record, data)


def merge_patch(target: JSONValue, patch: JSONValue) -> JSONValue:
    """Apply an RFC 7396 JSON merge patch: objects merge, null deletes, anything else replaces."""
    if not isinstance(patch, dict):
        return patch
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result
