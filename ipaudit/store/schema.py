"""The workspace schema (SQLAlchemy Core; SQLite by default, the same tables on PostgreSQL).

Every editable row carries its department where it has one and a ``version`` for concurrent edits.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
)

from ipaudit.domain.model import Status
from ipaudit.store.version import APPLICATION_ID as APPLICATION_ID  # re-exported
from ipaudit.store.version import SCHEMA_VERSION as SCHEMA_VERSION


class Money(TypeDecorator[Decimal]):
    """Decimal stored as its exact text; never a float on the way."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: object) -> str | None:
        return None if value is None else str(value)

    def process_result_value(self, value: str | None, dialect: object) -> Decimal | None:
        return None if value is None else Decimal(value)


metadata = MetaData()

#: a byte count: SQLite's INTEGER is 64-bit already, PostgreSQL's is 32-bit (a file over 2 GiB)
ByteCount = Integer().with_variant(BigInteger(), "postgresql")

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

template = Table(
    "template",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("yaml", Text, nullable=False),
    Column("version", Integer, nullable=False, default=1),
)

departments = Table(
    "departments",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("name_zh", Text, nullable=False),
    Column("name_en", Text, nullable=False),
    Column("absent", Boolean, nullable=False, default=False),
    Column("merged_into", String(64)),
    Column("position", Integer, nullable=False, default=0),
    Column("version", Integer, nullable=False, default=1),
)

facts = Table(
    "facts",
    metadata,
    Column("key", String(64), primary_key=True),  # section: policy, objectives, headcount …
    Column("value", Text, nullable=False),  # JSON
    Column("version", Integer, nullable=False, default=1),
    Column("updated_at", DateTime, nullable=False),
)

#: an item's status is one the app knows (a workspace created since has it as a constraint; a
#: team workspace on a server gets it with its team roles, ``team_roles.CHECKS``)
STATUS_CHECK = "status IN (" + ", ".join(f"'{st.value}'" for st in Status) + ")"

item_states = Table(
    "item_states",
    metadata,
    Column("item_key", String(128), primary_key=True),
    Column("department", String(64), nullable=False),
    Column("status", String(32), nullable=False),
    Column("na_reason", Text, nullable=False, default=""),
    Column("notes", Text, nullable=False, default=""),
    Column("answers", Text, nullable=False, default="{}"),  # JSON question key -> text
    Column("instance_names", Text, nullable=False, default="[]"),  # JSON list
    Column("version", Integer, nullable=False, default=1),
    Column("updated_at", DateTime, nullable=False),
    CheckConstraint(STATUS_CHECK, name="ck_item_states_status"),
)

blobs = Table(
    "blobs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", String(64), unique=True),  # NULL while being written
    Column("size", ByteCount, nullable=False, default=0),
)

blob_chunks = Table(
    "blob_chunks",
    metadata,
    Column("blob_id", Integer, ForeignKey("blobs.id", ondelete="CASCADE"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("item_key", String(128), nullable=False),
    Column("slot", String(128), nullable=False, default=""),
    Column("department", String(64), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("size", ByteCount, nullable=False),
    Column("original_name", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("doc_number", Text, nullable=False, default=""),
    Column("version_label", Text, nullable=False, default=""),
    Column("doc_date", Date),
    Column("period_start", Date),
    Column("period_end", Date),
    Column("added_at", DateTime, nullable=False),
    Column("supersedes", Integer),
    Column("current", Boolean, nullable=False, default=True),
    Column("removed", Boolean, nullable=False, default=False),
    Column("version", Integer, nullable=False, default=1),
    # schema version 5: carried over from the previous cycle's workspace (next-cycle roll-over)
    Column("last_cycle", Boolean, nullable=False, default=False, server_default="0"),
)
Index("ix_evidence_item", evidence.c.item_key)
Index("ix_evidence_sha", evidence.c.sha256)

acceptances = Table(
    "acceptances",
    metadata,
    Column("finding_key", String(512), primary_key=True),
    Column("explanation", Text, nullable=False),
    Column("accepted_at", DateTime, nullable=False),
)

# --- schema version 2: readiness history and the finance ledgers ---

snapshots = Table(
    "snapshots",
    metadata,
    Column("day", Date, primary_key=True),
    Column("overall", Text, nullable=False),  # percent as text
    Column("per_department", Text, nullable=False),  # JSON key -> percent
    Column("blocking", Integer, nullable=False, default=0),
)

ledger_imports = Table(
    "ledger_imports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("file_name", Text, nullable=False),
    Column("sheet", Text, nullable=False, default=""),
    Column("sha256", String(64), nullable=False, default=""),
    Column("header_row", Integer, nullable=False, default=0),
    Column("mapping", Text, nullable=False, default="{}"),
    Column("rows_read", Integer, nullable=False, default=0),
    Column("imported_at", DateTime, nullable=False),
    # schema version 4: how the columns were read, and the evidence the import attached (NULL in
    # imports stored before: not known)
    Column("confidence", String(8)),  # of the mapping, 0..1 as text ("0.85")
    Column("unused_columns", Text),  # JSON [{column, header, looks_like}]
    Column("evidence_id", Integer),  # evidence.id of the file it attached, if it attached one
    Column("replaced_id", Integer),  # the import it set aside (an undo brings it back), if any
)

ledger_entries = Table(
    "ledger_entries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "import_id", Integer, ForeignKey("ledger_imports.id", ondelete="CASCADE"), nullable=False
    ),
    Column("kind", String(32), nullable=False),
    Column("file", Text, nullable=False),
    Column("sheet", Text, nullable=False),
    Column("row", Integer, nullable=False),
    Column("date", Date),
    Column("person", Text, nullable=False, default=""),
    Column("department", Text, nullable=False, default=""),
    Column("ip_number", Text, nullable=False, default=""),
    Column("amount", Money, nullable=False),
    Column("is_penalty", Boolean, nullable=False, default=False),
    Column("voucher", Text, nullable=False, default=""),
    Column("category", Text, nullable=False, default=""),
    Column("text", Text, nullable=False, default=""),
    Column("status", Text, nullable=False, default=""),
    Column("granted", Date),
    Column("inventors", Text, nullable=False, default=""),
)
Index("ix_ledger_entries_import", ledger_entries.c.import_id)

ledger_problems = Table(
    "ledger_problems",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "import_id", Integer, ForeignKey("ledger_imports.id", ondelete="CASCADE"), nullable=False
    ),
    Column("file", Text, nullable=False),
    Column("sheet", Text, nullable=False),
    Column("row", Integer, nullable=False),
    Column("column_name", Text, nullable=False, default=""),
    Column("raw", Text, nullable=False, default=""),
    Column("reason_zh", Text, nullable=False),
    Column("reason_en", Text, nullable=False),
)

ledger_totals = Table(
    "ledger_totals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "import_id", Integer, ForeignKey("ledger_imports.id", ondelete="CASCADE"), nullable=False
    ),
    Column("file", Text, nullable=False),
    Column("sheet", Text, nullable=False),
    Column("row", Integer, nullable=False),
    Column("label", Text, nullable=False),
    Column("stated", Money, nullable=False),
    Column("computed", Money, nullable=False),
    Column("first_row", Integer, nullable=False),
    Column("last_row", Integer, nullable=False),
)

column_mappings = Table(
    "column_mappings",
    metadata,
    Column("signature", String(512), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("mapping", Text, nullable=False),  # JSON field -> column index
)

rates = Table(
    "rates",
    metadata,
    Column("ip_type", String(64), primary_key=True),
    Column("amount", Money, nullable=False),
)

settings = Table(
    "settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# --- schema version 3: the export history (tamper evidence for exported packs) ---

exports = Table(
    "exports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("exported_at", DateTime, nullable=False),
    Column("target", Text, nullable=False),  # the pack's path as written
    Column("options", Text, nullable=False, default="{}"),  # JSON: the options that shape it
    Column("manifest_sha256", String(64), nullable=False),
    Column("files", Integer, nullable=False),
    Column("bytes", ByteCount, nullable=False),
)
Index("ix_exports_manifest", exports.c.manifest_sha256)

# --- schema version 5: records of the audit day and the cycle around it ---

records = Table(
    "records",
    metadata,
    Column("kind", String(32), primary_key=True),  # plan, rehearsal, request, mock_audit, action …
    Column("key", String(128), primary_key=True),
    Column("department", String(64), nullable=False, default=""),  # "" for the whole workspace
    Column("value", Text, nullable=False),  # JSON object
    Column("version", Integer, nullable=False, default=1),
    Column("updated_at", DateTime, nullable=False),
    Column("updated_by", Text, nullable=False, default=""),
)
Index("ix_records_department", records.c.department)

TABLES_BY_VERSION: dict[int, tuple[Table, ...]] = {
    1: (meta, template, departments, facts, item_states, blobs, blob_chunks, evidence, acceptances),
    2: (
        snapshots,
        ledger_imports,
        ledger_entries,
        ledger_problems,
        ledger_totals,
        column_mappings,
        rates,
        settings,
    ),
    3: (exports,),
    4: (),  # columns added to ledger_imports (``LEDGER_IMPORT_COLUMNS_4``)
    5: (records,),
}

#: the columns schema version 5 adds to evidence: (name, SQL type with its default)
EVIDENCE_COLUMNS_5 = (("last_cycle", "BOOLEAN NOT NULL DEFAULT FALSE"),)

#: the columns schema version 4 adds to ledger_imports: (name, SQL type)
LEDGER_IMPORT_COLUMNS_4 = (
    ("confidence", "VARCHAR(8)"),
    ("unused_columns", "TEXT"),
    ("evidence_id", "INTEGER"),
    ("replaced_id", "INTEGER"),
)
