"""The readiness pack: report (docx, optional PDF), workbook (xlsx), interview sheets, evidence by
department and clause, blank forms for missing records, and a manifest that ``verify`` checks.

The CLI and the GUI come in through ``ipaudit.services.exports`` (export, verify, history), which
reads the workspace and hands the export plain data; nothing here imports the services or reads a
store.

Public API (the modules are imported on demand; this package pulls in nothing heavy by itself):

- ``ipaudit.export.pack.export_pack(read, target, options, progress=, cancel=) -> PackResult``
  (``read()`` gives the ``source.PackSource``)
- ``ipaudit.export.pack.default_name(info, options) -> str``
- ``ipaudit.export.options.ExportOptions``
- ``ipaudit.export.manifest.verify(pack, progress=, cancel=) -> VerifyResult`` (a damaged pack is
  a result, with its damaged members named)
- ``ipaudit.export.history.verify_against(history, pack, ...)`` and ``history(history)``: the
  workspace's export history (each export's manifest SHA-256) and a pack checked against it
- ``ipaudit.export.errors.ExportError`` and its subclasses (expected failures, ``message(lang)``)
"""
