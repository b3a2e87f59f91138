"""A plan's activities as an Excel workbook, and the edited workbook written back to the YAML.

columns: what each column holds and how its cells are written and read; workbook: the export;
readback: the edited workbook read into edits (or refused cell by cell); yamledit: the edits
written into the YAML text keeping its comments and layout; apply: validation and the atomic
replace. scripts/plan_sheet.py is the command line.
"""
