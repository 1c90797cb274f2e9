"""The cataloguing editor: a window per record with the description form, copies,
attachments and a possible-duplicate warning (see editor_window.RecordEditor)."""
