"""Exchange formats: reading partners' files into records and writing records out.

Every format is a ``Reader`` and/or a ``Writer`` (see ``base``) listed in ``formats``; the import
service (``importing``) and the export service (``exporting``) drive them, so the CLI and the
GUI share one behaviour: detection, duplicates, atomic commits, reports.
"""
