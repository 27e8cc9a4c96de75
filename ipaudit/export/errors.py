"""Expected failures of exporting and verifying a pack, saying what happened and what to do."""

from __future__ import annotations

from pathlib import Path

from ipaudit.errors import UserError


class ExportError(UserError):
    """Base of the expected export and verify failures. ``message(lang)`` is what the user reads."""

    code = "export_error"


class TargetExists(ExportError):
    code = "target_exists"

    def __init__(self, path: str | Path) -> None:
        super().__init__(
            path,
            f"{path} 已存在。请换一个名称，或选择覆盖。",
            f"{path} already exists. Choose another name, or choose to overwrite it.",
        )


class TargetNotWritable(ExportError):
    code = "target_not_writable"

    def __init__(self, path: str | Path, detail: str) -> None:
        self.detail = detail  # the system's words: under Details, not in the Chinese sentence
        super().__init__(
            path,
            f"无法写入 {path}。请检查磁盘空间和文件夹权限后重试；没有留下任何未完成的文件。",
            f"Cannot write {path} ({detail}). Check the free disk space and the folder's permissions and"
            " try again; nothing half-written was left behind.",
        )


class FolderNotCreated(ExportError):
    """A folder above the export's target could not be created."""

    code = "folder_not_created"

    def __init__(self, path: str | Path, detail_zh: str, detail_en: str) -> None:
        super().__init__(
            path,
            f"无法创建文件夹 {path}{'（' + detail_zh + '）' if detail_zh else ''}。请检查路径是否写对、"
            "其中是否有同名的文件，"
            "以及上一级文件夹是否可写；没有写入任何文件。",
            f"Cannot create the folder {path} ({detail_en}). Check that the path is right, that no"
            " file of that name is in the way and that the folder above can be written; nothing"
            " was written.",
        )


class EvidenceDamaged(ExportError):
    code = "evidence_damaged"

    def __init__(self, path: str | Path, name: str, sha256: str) -> None:
        self.name = name
        self.sha256 = sha256
        super().__init__(
            path,
            f"工作区中的证据文件“{name}”已损坏（内容与其 SHA-256 {sha256[:12]}… 不符，或已丢失）。"
            "请重新附加该文件后再导出。",
            f"The evidence file '{name}' in the workspace is damaged (its bytes do not match its SHA-256"
            f" {sha256[:12]}…, or they are gone). Attach the file again, then export.",
        )


class PackUnreadable(ExportError):
    code = "pack_unreadable"

    def __init__(self, path: str | Path, detail_zh: str, detail_en: str) -> None:
        super().__init__(
            path,
            f"{path} 不是可核对的资料包：{detail_zh}。请选择导出的资料包文件夹或 .zip 文件。",
            f"{path} is not a pack that can be verified: {detail_en}. Choose an exported pack folder or"
            " .zip file.",
        )


class TargetNotAPack(ExportError):
    """``--force`` met something at the target that is not an earlier ipaudit pack."""

    code = "target_not_a_pack"

    def __init__(self, path: str | Path, detail_zh: str, detail_en: str) -> None:
        super().__init__(
            path,
            f"{path} 已存在，且不是 ipaudit 之前导出的资料包（{detail_zh}），因此不会被覆盖，"
            "其中的内容未作任何改动。请换一个名称或位置。",
            f"{path} exists and is not a pack ipaudit exported earlier ({detail_en}), so it is not"
            " overwritten and nothing in it was changed. Choose another name or place.",
        )
