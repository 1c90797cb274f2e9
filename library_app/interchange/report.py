"""The import report: the same facts as text for people and as JSON for scripts.

Librarians keep these reports with the partner's file ("247 added, 12 skipped as duplicates of
…, 3 unreadable: record 17, 245: …"), so the text names every skipped record and every problem
with its place in the file, not just counts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from library_app.interchange.base import Severity
from library_app.interchange.importing import Action, ImportReport

MAX_LISTED = 1000  # beyond this the text report summarises; the JSON always lists everything


def report_to_json(report: ImportReport) -> dict[str, Any]:
    plan = report.plan
    return {
        "file": str(plan.path),
        "format": plan.format_id,
        "encoding": plan.encoding,
        "dry_run": report.dry_run,
        "policy": plan.policy.value,
        "strict": plan.strict,
        "counts": plan.counts(),
        "added_ids": report.added_ids,
        "updated_ids": report.updated_ids,
        "renumbered_copies": report.renumbered_copies,
        "copies_left_out": plan.copies_left_out,
        "seconds": round(report.seconds, 3),
        "file_problems": [p.to_json() for p in plan.file_problems],
        "records": [
            {
                "record": item.position,
                "action": item.action.value,
                "title": item.title,
                "duplicate": None
                if item.duplicate is None
                else {
                    "reason": item.duplicate.reason,
                    "record_id": item.duplicate.record_id,
                    "file_record": item.duplicate.position,
                    "title": item.duplicate.title,
                },
                "problems": [p.to_json() for p in item.problems],
            }
            for item in plan.items
            if item.action != Action.ADD or item.problems or item.duplicate
        ],
    }


def summary_line(report: ImportReport) -> str:
    counts = report.plan.counts()
    verb = "would be" if report.dry_run else "were"
    parts = [f"{counts['add']:,} {verb} added"]
    if counts["update"]:
        parts.append(f"{counts['update']:,} {verb} updated")
    if counts["skip"]:
        parts.append(f"{counts['skip']:,} skipped as duplicates")
    if counts["error"]:
        parts.append(f"{counts['error']:,} could not be read")
    return f"{counts['records']:,} records: " + ", ".join(parts) + "."


def report_to_text(report: ImportReport) -> str:
    plan = report.plan
    lines = [
        f"Import of {plan.path.name}"
        + (" (dry run: nothing was written)" if report.dry_run else ""),
        f"Format: {plan.format_label}" + (f", encoding {plan.encoding}" if plan.encoding else ""),
        f"Duplicates: {plan.policy.value}" + (", strict" if plan.strict else ""),
        summary_line(report),
    ]
    if plan.copies_left_out:
        lines.append(f"{plan.copies_left_out:,} copies described in the file were left out.")
    if report.renumbered_copies:
        lines.append(f"{report.renumbered_copies:,} copies got new inventory numbers.")
    if not report.dry_run and report.added_ids:
        first, last = min(report.added_ids), max(report.added_ids)
        lines.append(
            f"New records: ids {first}–{last}." if first != last else f"New record: {first}."
        )
    if plan.file_problems:
        lines.append("")
        lines.append("The file:")
        lines += [f"  {p}" for p in plan.file_problems]
    listed = 0
    sections = (
        (Action.ERROR, "Not imported (unreadable or invalid):"),
        (Action.SKIP, "Skipped as duplicates:"),
        (Action.UPDATE, "Updating catalog records:"),
        (Action.ASK, "Duplicates waiting for a decision:"),
    )
    for action, heading in sections:
        items = [item for item in plan.items if item.action == action]
        if not items:
            continue
        lines += ["", heading]
        for item in items:
            if listed >= MAX_LISTED:
                lines.append(f"  … and more (see the JSON report for all {len(plan.items):,})")
                break
            listed += 1
            title = f" «{item.title[:70]}»" if item.title else ""
            line = f"  record {item.position}{title}"
            if item.duplicate is not None:
                line += f": {item.duplicate.describe()}"
            lines.append(line)
            lines += [
                f"      {p.where + ': ' if p.where else ''}{p.message}"
                for p in item.problems
                if p.severity == Severity.ERROR
            ]
    warned = [item for item in plan.items if item.action != Action.ERROR and item.problems]
    if warned:
        lines += ["", "Imported with warnings:"]
        for item in warned[: max(0, MAX_LISTED - listed)]:
            for p in item.problems:
                lines.append(f"  {p}")
    return "\n".join(lines) + "\n"


def save_report(report: ImportReport, target: Path) -> None:
    """``.json`` gets the JSON report, anything else the text."""
    if target.suffix.lower() == ".json":
        text = json.dumps(report_to_json(report), ensure_ascii=False, indent=2) + "\n"
    else:
        text = report_to_text(report)
    target.write_text(text, encoding="utf-8")
