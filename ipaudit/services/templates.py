"""The workspace's own checklist copy: exported as YAML, replaced by a corrected one (validated).

Every way a file can fail — missing, a folder, unreadable, binary, not UTF-8, not a checklist, the
other edition — is one sentence (``InvalidInput``, exit code 4) and leaves the workspace unchanged.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ipaudit.domain.model import Template
from ipaudit.domain.template import TemplateError, load_template_text
from ipaudit.errors import reason_zh
from ipaudit.services import team_items
from ipaudit.store.errors import InvalidInput

if TYPE_CHECKING:
    from ipaudit.services import Workspace

MAX_TEMPLATE_BYTES = 16 * 1024 * 1024  # a checklist is some hundred kilobytes


def _cannot(path: Path, zh: str, en: str) -> InvalidInput:
    return InvalidInput(f"清单文件 {path} {zh}", f"The checklist file {path} {en}", path)


def read_template_file(path: Path | str) -> str:
    """The text of a checklist file, or InvalidInput saying why it cannot be used."""
    path = Path(path)
    try:
        if path.is_dir():
            raise _cannot(
                path, "是文件夹；请选择 .yaml 文件。", "is a folder; choose a .yaml file."
            )
        if path.exists() and not path.is_file():  # a device or pipe: reading it never ends
            raise _cannot(
                path, "不是普通文件；请选择 .yaml 文件。", "is not a file; choose a .yaml file."
            )
        with path.open("rb") as fh:
            data = fh.read(MAX_TEMPLATE_BYTES + 1)
    except FileNotFoundError:
        raise _cannot(path, "不存在；请检查路径。", "does not exist; check the path.") from None
    except OSError as exc:
        why = reason_zh(exc)
        raise _cannot(
            path,
            f"无法读取{'（' + why + '）' if why else ''}；请检查权限后重试。",
            f"cannot be read ({exc.strerror or exc}); check the permissions and try again.",
        ) from exc
    if len(data) > MAX_TEMPLATE_BYTES:
        raise _cannot(
            path,
            "过大（超过 16 MB），不是清单文件；未作更改。",
            "is too large (over 16 MB) to be a checklist; nothing changed.",
        )
    if b"\x00" in data:
        raise _cannot(
            path,
            "是二进制文件，不是 YAML 文本；请选择用 template --export 导出的文件。",
            "is a binary file, not YAML text; choose a file written by template --export.",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _cannot(
            path,
            f"不是 UTF-8 文本（第 {exc.start} 字节）；请用 UTF-8 编码保存后重试。",
            f"is not UTF-8 text (byte {exc.start}); save it as UTF-8 and try again.",
        ) from None


def import_template(ws: Workspace, path: Path | str) -> Template:
    """Replace the workspace's checklist with the file at ``path`` once it validates."""
    text = read_template_file(path)
    try:
        template = load_template_text(text, Path(path).name)
    except TemplateError as exc:
        raise InvalidInput(
            f"清单文件有误，未作更改：\n{exc.text.zh}",
            f"The checklist file has problems; nothing changed:\n{exc.text.en}",
            path,
        ) from exc  # the YAML library's words stay with it, for the log and Details
    except RecursionError:  # YAML nested thousands deep
        raise _cannot(
            Path(path),
            "嵌套过深，不是清单文件；未作更改。",
            "is nested too deeply to be a checklist; nothing changed.",
        ) from None
    if template.edition != ws.info().edition:
        raise InvalidInput(
            f"清单版本 {template.edition.value} 与工作区版本 {ws.info().edition.value} 不一致；未作更改。",
            f"The checklist is edition {template.edition.value}, the workspace"
            f" {ws.info().edition.value}; nothing changed.",
            path,
        )
    team_items.replace_template(ws, text, template)  # on a team workspace, rights follow at once
    ws.template = template
    ws.template_problem = None
    ws.changed()
    return template


def export_template(ws: Workspace, path: Path | str) -> Path:
    """Write the workspace's checklist YAML to ``path`` (through a temporary file)."""
    path = Path(path)
    text = ws.store.template_yaml()
    if path.is_dir():
        raise _cannot(path, "是文件夹；请给出文件名。", "is a folder; give a file name.")
    if path.exists() and not path.is_file():  # a device or pipe is never replaced by a file
        raise _cannot(path, "不是普通文件；请给出文件名。", "is not a file; give a file name.")
    part = path.with_name(f".{path.name}.part")
    try:
        part.write_text(text, "utf-8")
        part.replace(path)
    except OSError as exc:
        if part.parent.is_dir():
            part.unlink(missing_ok=True)
        why = reason_zh(exc)
        raise _cannot(
            path,
            f"无法写入{'（' + why + '）' if why else ''}；请检查文件夹是否存在、是否可写。",
            f"cannot be written ({exc.strerror or exc}); check that the folder exists and may be"
            " written.",
        ) from exc
    return path
