"""The export's files: `data.json` for machines and `data.xlsx` for people, in one ZIP.

Built in a worker thread (`asyncio.to_thread`): openpyxl and zlib are synchronous.
The xlsx has a sheet per section, titled in the reader's language (`titles`), with the
same column names as `data.json`, so the two files read side by side.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Mapping
from io import BytesIO
from typing import Any

from bot.services.data_export import ClientData, Section

JSON_NAME = "data.json"
XLSX_NAME = "data.xlsx"
SHEET_TITLE_LIMIT = 31
# characters Excel refuses in a sheet title
SHEET_TITLE_BAD = re.compile(r"[\[\]:*?/\\]")
# A spreadsheet would run a cell starting with these as a formula (CSV/formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export_file_name(client_id: int, data: ClientData) -> str:
    """The client id and the date: never the client's name."""
    return f"client-{client_id}-{data.generated_at:%Y-%m-%d}.zip"


def build_json(data: ClientData) -> bytes:
    return json.dumps(data.as_json(), ensure_ascii=False, indent=1).encode()


def _sheets(data: ClientData) -> dict[str, list[Section]]:
    """Sections by sheet: the links of other people's records share one sheet."""
    sheets: dict[str, list[Section]] = {}
    for section in data.sections:
        sheets.setdefault(section.name, []).append(section)
    return sheets


def _headers(sections: list[Section]) -> list[str]:
    headers: dict[str, None] = {}
    if len(sections) > 1:
        headers["table"] = None
    for section in sections:
        headers.update(dict.fromkeys(section.columns))
        for row in section.rows:
            headers.update(dict.fromkeys(row))
    return list(headers)


def _title(name: str, titles: Mapping[str, str], used: set[str]) -> str:
    base = SHEET_TITLE_BAD.sub(" ", titles.get(name) or name)[:SHEET_TITLE_LIMIT].strip() or name
    title, number = base, 1
    while title.casefold() in used:
        number += 1
        title = f"{base[: SHEET_TITLE_LIMIT - 4]} ({number})"
    used.add(title.casefold())
    return title


def _cell_value(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value


def text_cell(sheet: Any, value: Any) -> Any:
    """A value as a cell; a text that looks like a formula stays text (a styled cell costs
    more than a plain value, so only those get one)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    value = _cell_value(value)
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if not value.startswith(FORMULA_STARTS):
        return value
    cell = WriteOnlyCell(sheet, value)
    cell.data_type = "s"  # explicit text: never a formula
    cell.quotePrefix = True
    return cell


def build_xlsx(data: ClientData, titles: Mapping[str, str]) -> bytes:
    from openpyxl import Workbook  # here: a heavy import the bot rarely needs

    workbook = Workbook(write_only=True)
    used: set[str] = set()
    for name, sections in _sheets(data).items():
        sheet = workbook.create_sheet(_title(name, titles, used))
        headers = _headers(sections)
        sheet.append(headers)
        for section in sections:
            for row in section.rows:
                values = {**row, "table": section.table}
                cells = [text_cell(sheet, values.get(header)) for header in headers]
                sheet.append(cells)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def build_zip(data: ClientData, titles: Mapping[str, str]) -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(JSON_NAME, build_json(data))
        archive.writestr(XLSX_NAME, build_xlsx(data, titles))
    return buffer.getvalue()
