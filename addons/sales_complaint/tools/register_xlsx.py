# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A register as an XLSX workbook: one header row, one row per record."""

import datetime
import io

import xlsxwriter


def build_workbook(sheet_name, headers, rows):
    """Return the bytes of a workbook of ``headers`` and ``rows`` (lists of values)."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = workbook.add_worksheet(sheet_name[:31])
    bold = workbook.add_format({"bold": True})
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    sheet.write_row(0, 0, headers, bold)
    for row, values in enumerate(rows, start=1):
        for col, value in enumerate(values):
            if isinstance(value, datetime.datetime | datetime.date):
                sheet.write_datetime(row, col, value, date_format)
            elif value is False or value is None:
                sheet.write_blank(row, col, None)
            else:
                sheet.write(row, col, value)
    sheet.set_column(0, len(headers) - 1, 18)
    workbook.close()
    return output.getvalue()
