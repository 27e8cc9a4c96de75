"""Convert a document to PDF with LibreOffice, refreshing its indexes first.

Run by a Python that has LibreOffice's ``uno`` module (LibreOffice's own ``program/python`` on
Windows, the system ``python3`` with python3-uno on Linux), never imported by ipaudit itself:

    python uno_convert.py SOFFICE SOURCE TARGET PROFILE_URL [PAGES_JSON]

A plain ``soffice --convert-to pdf`` keeps a table of contents as it was cached in the .docx; here
the tables of contents are updated after layout so the PDF shows real page numbers. With
PAGES_JSON, the page of every heading bookmark (``_Toc000001`` …) is written there as
``{"1": 4, …}``, so the .docx's own contents can carry the same page numbers.
"""

import contextlib
import json
import os
import subprocess
import sys
import time


def heading_pages(doc) -> dict:
    """Heading number -> page, read with the (hidden) view cursor after layout."""
    cursor = doc.getCurrentController().getViewCursor()
    marks = doc.getBookmarks()
    pages = {}
    for name in marks.getElementNames():
        if name.startswith("_Toc") and name[4:].isdigit():
            cursor.gotoRange(marks.getByName(name).getAnchor(), False)
            pages[str(int(name[4:]))] = cursor.getPage()
    return pages


def main(soffice: str, source: str, target: str, profile_url: str, pages_json: str = "") -> int:
    import uno
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException
    from com.sun.star.lang import DisposedException
    from com.sun.star.uno import RuntimeException as UnoRuntimeError

    pipe = f"ipaudit_pdf_{os.getpid()}"
    office = subprocess.Popen(
        [
            soffice,
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            f"-env:UserInstallation={profile_url}",
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        ctx = None
        for _ in range(300):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if office.poll() is not None:
                    return 3
                time.sleep(0.1)
        if ctx is None:
            return 4
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)

        def prop(name: str, value: object) -> object:
            p = PropertyValue()
            p.Name = name
            p.Value = value
            return p

        doc = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0, (prop("Hidden", True),)
        )
        if doc is None:
            return 5
        indexes = doc.getDocumentIndexes()
        for n in range(indexes.getCount()):
            indexes.getByIndex(n).update()
        doc.refresh()
        if pages_json:
            try:
                pages = heading_pages(doc)
            except UnoRuntimeError:  # no view: the report's contents keep the update note
                pages = {}
            with open(pages_json, "w", encoding="utf-8") as out:
                json.dump(pages, out)
        doc.storeToURL(
            uno.systemPathToFileUrl(os.path.abspath(target)),
            (prop("FilterName", "writer_pdf_Export"),),
        )
        doc.close(True)
        # the office going away ends the bridge in the middle of this call
        with contextlib.suppress(DisposedException):
            desktop.terminate()
        return 0
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:6]))
