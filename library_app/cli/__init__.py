"""`library-app`: the command line, a thin shell over the same services as the GUI.

Without a command it starts the desktop app.  Every failure a person can cause ends in one line
on stderr naming the problem and the fix, and exit code 2; `--debug` adds the traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence

from library_app import __version__
from library_app.cli import (
    batch_commands,
    commands,
    interchange_commands,
    report_commands,
    search_commands,
)
from library_app.core.errors import LibraryError

PROG = "library-app"


def _common_options(defaults: bool) -> argparse.ArgumentParser:
    """Options accepted both before and after the command (``library-app show 5 --json``)."""
    parser = argparse.ArgumentParser(add_help=False)
    missing = None if defaults else argparse.SUPPRESS
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=missing,
        help="folder holding the catalog, index, attachments (env LIBRARY_APP_DATA_DIR)",
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        default=missing,
        help="PostgreSQL URL, e.g. postgresql+psycopg://user@host/db (env LIBRARY_APP_DB_URL)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        default=False if defaults else argparse.SUPPRESS,
        help="machine-readable output (no progress display)",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=False if defaults else argparse.SUPPRESS,
        help="show tracebacks of errors",
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    common = _common_options(defaults=False)
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Catalog of an environmental library. Without a command, opens the window.",
        parents=[_common_options(defaults=True)],
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--reader", action="store_true", help="open the window in read-only reader mode"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_text, description=help_text, parents=[common])

    p = command("demo", "fill the catalog with a synthetic multilingual collection")
    p.add_argument("--records", type=_positive, default=10_000, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    p.set_defaults(handler=commands.demo)

    p = command("add", "add a record from options or from a JSON file (one record or a list)")
    commands.add_record_options(p)
    p.set_defaults(handler=commands.add)

    p = command("show", "show one record (by id or by control number)")
    p.add_argument("record", metavar="ID")
    p.set_defaults(handler=commands.show)

    p = command("edit", "change a record with a JSON merge patch (RFC 7396)")
    p.add_argument("record", metavar="ID")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--patch", metavar="FILE", help="JSON patch file ('-' reads stdin)")
    source.add_argument(
        "--set",
        action="append",
        metavar="FIELD=VALUE",
        dest="assignments",
        help='set one field, VALUE as JSON or text: --set year=2006 --set title="..."',
    )
    p.set_defaults(handler=commands.edit)

    p = command("delete", "move a record to the trash (restorable with undelete)")
    p.add_argument("record", metavar="ID")
    p.set_defaults(handler=commands.delete)

    p = command("undelete", "bring a record back from the trash")
    p.add_argument("record", metavar="ID")
    p.set_defaults(handler=commands.undelete)

    p = command("list", "list records")
    p.add_argument("--limit", type=_positive, default=None, metavar="N")
    p.add_argument("--offset", type=_not_negative, default=0, metavar="N")
    p.add_argument("--deleted", action="store_true", help="list the trash instead")
    p.set_defaults(handler=commands.list_records)

    p = command("stats", "counts by material type, language, decade and copy status")
    p.set_defaults(handler=commands.stats)

    p = command("attach", "attach a file (PDF or other) to a record")
    p.add_argument("record", metavar="ID")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=commands.attach)

    p = command("backup", "write a consistent backup of the catalog to FILE")
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--format",
        choices=["sqlite", "dump"],
        default=None,
        help="sqlite copy (SQLite catalogs only) or portable dump (default for PostgreSQL)",
    )
    p.set_defaults(handler=commands.backup)

    p = command("restore", "replace the catalog with a backup made by `backup`")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--force", action="store_true", help="replace a catalog that is not empty")
    p.set_defaults(handler=commands.restore)

    p = command("check", "check the database, attachment files and search index for damage")
    p.add_argument("--no-hashes", action="store_true", help="skip re-hashing attachment files")
    p.set_defaults(handler=commands.check)

    search_commands.add_parsers(command, _positive, _not_negative)
    batch_commands.add_parsers(command, _positive, _not_negative)
    interchange_commands.add_parsers(command, _positive, _not_negative)
    report_commands.add_parsers(command, _positive, _not_negative)
    return parser


def _whole_number(text: str, minimum: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» is not a whole number") from None
    if value < minimum:
        raise argparse.ArgumentTypeError(f"{value}: must be at least {minimum}")
    return value


def _positive(text: str) -> int:
    return _whole_number(text, 1)


def _not_negative(text: str) -> int:
    return _whole_number(text, 0)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return commands.launch_gui(args)
        return args.handler(args)
    except LibraryError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        if args.debug:
            traceback.print_exc()
        return error.exit_code
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted; nothing was changed", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `library-app list | head`: the reader has what it wanted; stop quietly, and keep the
        # interpreter from complaining again when it flushes stdout on exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141  # as a shell reports a process ended by SIGPIPE
    except Exception as error:  # a bug: say so plainly, keep the traceback for --debug
        print(
            f"{PROG}: internal error: {type(error).__name__}: {error} "
            "(this is a bug; run again with --debug and report the output)",
            file=sys.stderr,
        )
        if args.debug:
            traceback.print_exc()
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
