"""What the user chose for one export."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from typing import Any

LANGUAGES = ("zh", "en")
MAX_MARGIN_DAYS = 365
DEFAULT_MARGIN_DAYS = 7
TOC_PAGES_ENV = "IPAUDIT_TOC_PAGES"  # "0", "off", "no" or "false": contents pages off by default


def toc_pages_default() -> bool:
    """Whether an export fills the report's contents page numbers unless told otherwise: yes,
    unless the environment variable IPAUDIT_TOC_PAGES says no (a machine where LibreOffice is
    installed but too slow to wait for, or a test run)."""
    return os.environ.get(TOC_PAGES_ENV, "").strip().lower() not in ("0", "off", "no", "false")


@dataclass(frozen=True, slots=True)
class ExportOptions:
    lang: str = "zh"  # language of the documents and of the file and folder names
    as_zip: bool = False  # one .zip file instead of a folder
    include_evidence: bool = True
    older_versions: bool = False  # older versions of evidence in a subfolder of each item
    redact: bool = False  # mask resident ID and mobile numbers in the documents
    pdf: bool = False  # a PDF of the report too (needs LibreOffice)
    overwrite: bool = False  # replace an existing pack of the same name
    margin_days: int = (
        DEFAULT_MARGIN_DAYS  # must-fix deadline: this many days before the audit's first day
    )
    # the report's contents get their page numbers from a LibreOffice layout (where installed;
    # else the contents say how to update them in Word); a PDF always has them
    toc_pages: bool = field(default_factory=toc_pages_default)

    def __post_init__(self) -> None:
        if self.lang not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, not {self.lang!r}")
        if not 0 <= self.margin_days <= MAX_MARGIN_DAYS:
            raise ValueError(f"margin must be 0 to {MAX_MARGIN_DAYS} days, not {self.margin_days}")

    def recorded(self) -> dict[str, Any]:
        """The options that shape the content (written into the manifest)."""
        data = asdict(self)
        data.pop("overwrite")
        return data
