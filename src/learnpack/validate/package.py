"""Check any SCORM zip without trusting it: zip safety, the manifest, the XSDs, the files listed
and the links of its HTML pages.

Members are only ever read into memory; nothing from the zip is written to disk.
"""

from __future__ import annotations

import posixpath
import re
import stat
import zipfile
import zlib
from collections import Counter
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

from learnpack.errors import Diagnostic
from learnpack.scorm.versions import BY_LABEL
from learnpack.validate.links import check_links, is_page, missing_hint
from learnpack.validate.manifest import (
    ADLCP12,
    ADLCP2004,
    XML_BASE,
    check_manifest,
    detect_version,
    href_problem,
)

MANIFEST = "imsmanifest.xml"
MAX_RATIO = 100  # uncompressed / compressed; above this a member looks like a zip bomb
RATIO_MIN_SIZE = 1024 * 1024  # smaller members cannot do harm, whatever their ratio
XSD_FOLDERS = {label: version.xsd_folder for label, version in BY_LABEL.items()}
_ROOT_URL = "http://package.invalid/"  # resolves xml:base and href like a browser would
READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError)


def validate_package(path: Path, schemas: Path | None = None, max_size: int = 500 * 1024 * 1024) -> list[Diagnostic]:
    """Every problem of the SCORM zip at ``path``; with ``schemas``, also validate against the ADL XSDs.

    ``schemas`` is a folder holding ``scorm12/manifest.xsd`` and ``scorm2004-4th/manifest.xsd``.
    Bad input gives error findings, never an exception.
    """
    where = str(path)
    if not path.is_file():
        reason = "is not a file" if path.exists() else "does not exist"
        return [Diagnostic.of("error", "package.not_found", f"the package {reason}", where)]
    try:
        archive = zipfile.ZipFile(path)
    except READ_ERRORS as exc:
        return [Diagnostic.of("error", "package.not_zip", f"not a readable zip file ({exc})", where)]
    with archive:
        return _validate_zip(archive, where, schemas, max_size)


def has_errors(findings: list[Diagnostic]) -> bool:
    """Whether any finding is an error."""
    return any(f.level == "error" for f in findings)


def _validate_zip(archive: zipfile.ZipFile, where: str, schemas: Path | None, max_size: int) -> list[Diagnostic]:
    infos = archive.infolist()
    findings = _check_members(infos, where)
    blocking = _check_size(infos, where, max_size) or _check_integrity(archive, infos, where)
    if blocking:
        return findings + blocking
    safe = [i for i in infos if not _unsafe_reason(i)]
    files = {posixpath.normpath(i.filename): i for i in safe if not i.is_dir()}
    if MANIFEST not in files:
        return findings + [_manifest_missing(files, where)]
    try:
        data = archive.read(files[MANIFEST])
    except READ_ERRORS as exc:
        return findings + [Diagnostic.of("error", "package.corrupt", f"cannot read {MANIFEST} ({exc})", where)]
    tree = parse_manifest(data)
    if isinstance(tree, Diagnostic):
        return findings + [tree]
    version = detect_version(tree)
    if version is None:
        findings.append(Diagnostic.of("error", "manifest.version_unknown",
                                "cannot tell the SCORM version from <schemaversion> or the namespaces",
                                line=tree.getroot().sourceline))
    else:
        findings += check_manifest(tree, version)
        findings += _check_xsd(tree, version, schemas)
    return findings + _check_files(tree, files, where) + _check_pages(archive, files, where)


def _unsafe_reason(info: zipfile.ZipInfo) -> str | None:
    name = info.filename
    if name.startswith(("/", "\\")):
        return "is an absolute path"
    if re.match(r"[A-Za-z]:", name):
        return "starts with a drive letter"
    if "\\" in name:
        return "contains a backslash"
    if ".." in name.split("/"):
        return "has a '..' segment"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "is a symbolic link"
    return None


def _check_members(infos: list[zipfile.ZipInfo], where: str) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for info in infos:
        reason = _unsafe_reason(info)
        if reason:
            out.append(Diagnostic.of("error", "package.unsafe_path",
                               f"member {info.filename!r} {reason}; it is never extracted", where))
    for name, count in Counter(i.filename for i in infos).items():
        if count > 1:
            out.append(Diagnostic.of("warning", "package.duplicate_member",
                                     f"member {name!r} is in the zip {count} times",
                               where))
    return out


def _check_size(infos: list[zipfile.ZipInfo], where: str, max_size: int) -> list[Diagnostic]:
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    if total > max_size:
        return [Diagnostic.of("error", "package.too_large",
                        f"uncompressed size {total} bytes is above the limit of {max_size} bytes", where)]
    for info in infos:
        if info.file_size >= RATIO_MIN_SIZE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            return [Diagnostic.of("error", "package.zip_bomb",
                            f"member {info.filename!r} expands {info.file_size // max(info.compress_size, 1)} times "
                            f"(limit {MAX_RATIO}): looks like a zip bomb, not read", where)]
    if total >= RATIO_MIN_SIZE and total > MAX_RATIO * max(packed, 1):
        return [Diagnostic.of("error", "package.zip_bomb",
                        f"the zip expands {total // max(packed, 1)} times (limit {MAX_RATIO}): "
                        "looks like a zip bomb, not read", where)]
    return []


def _check_integrity(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], where: str) -> list[Diagnostic]:
    encrypted = [i.filename for i in infos if i.flag_bits & 0x1]
    if encrypted:
        return [Diagnostic.of("error", "package.encrypted", f"member {encrypted[0]!r} is encrypted", where)]
    try:
        bad = archive.testzip()
    except READ_ERRORS as exc:
        return [Diagnostic.of("error", "package.corrupt", f"the zip is damaged ({exc})", where)]
    if bad is not None:
        return [Diagnostic.of("error", "package.corrupt", f"member {bad!r} is damaged (CRC check failed)", where)]
    return []


def _manifest_missing(files: dict[str, zipfile.ZipInfo], where: str) -> Diagnostic:
    nested = sorted((n for n in files if posixpath.basename(n).lower() == MANIFEST), key=len)
    if nested and "/" in nested[0]:
        folder = posixpath.dirname(nested[0])
        return Diagnostic.of("error", "package.manifest_in_subfolder",
                       f"{MANIFEST} is in the folder {folder + '/'!r}, not at the zip root: "
                       "zip the contents of that folder, not the folder itself", where)
    if nested:
        return Diagnostic.of("error", "package.manifest_missing",
                       f"found {nested[0]!r} at the zip root: the name must be exactly {MANIFEST}", where)
    return Diagnostic.of("error", "package.manifest_missing", f"no {MANIFEST} at the zip root", where)


def parse_manifest(data: bytes) -> etree._ElementTree | Diagnostic:
    """The manifest ``data`` parsed without entities, DTDs or network, or an error finding."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        return Diagnostic.of("error", "manifest.not_xml", f"not well-formed XML: {exc.msg}", line=exc.lineno)
    return root.getroottree()


@lru_cache(maxsize=4)
def _schema(xsd: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(xsd))


def _check_xsd(tree: etree._ElementTree, version: str, schemas: Path | None) -> list[Diagnostic]:
    if schemas is None:
        return [Diagnostic.of("info", "xsd.not_checked", "XSD not checked: pass --schemas DIR")]
    xsd = schemas / XSD_FOLDERS[version] / "manifest.xsd"
    if not xsd.is_file():
        return [Diagnostic.of("error", "xsd.not_found", f"no schema at {xsd}", str(xsd))]
    try:
        schema = _schema(str(xsd.resolve()))
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError, OSError) as exc:
        return [Diagnostic.of("error", "xsd.schema_error", f"the schema does not compile ({exc})", str(xsd))]
    if schema.validate(tree):
        return []
    return [Diagnostic.of("error", "xsd.invalid", e.message, line=e.line or None) for e in schema.error_log]


def _check_files(tree: etree._ElementTree, files: dict[str, zipfile.ZipInfo], where: str) -> list[Diagnostic]:
    root = tree.getroot()
    namespace = etree.QName(root).namespace
    prefix = f"{{{namespace}}}" if namespace else ""
    listed: set[str] = set()
    out: list[Diagnostic] = []

    def need(element: etree._Element, what: str, href: str | None, listing: bool) -> None:
        target = _resolve(element, href)
        if target is None:
            return
        if listing:
            listed.add(target)
        if target not in files:
            out.append(Diagnostic.of("error", "package.missing_file",
                               f"{what} {href!r} is not in the package{missing_hint(target, files)}",
                               line=element.sourceline))

    for resource in root.iter(f"{prefix}resource"):
        need(resource, "resource href", resource.get("href"), listing=False)
        for file in resource.iter(f"{prefix}file"):
            need(file, "file href", file.get("href"), listing=True)
    for location in root.iter(f"{{{ADLCP12}}}location", f"{{{ADLCP2004}}}location"):
        need(location, "adlcp:location", (location.text or "").strip(), listing=True)

    for name in sorted(files):
        # Schema files are the package's controlling documents, not SCO files: ADL's 2004 set
        # keeps the LOM parts in common/, extend/, unique/ and vocab/ beside the root files.
        schema_file = name.lower().endswith((".xsd", ".dtd"))
        if name == MANIFEST or schema_file or name in listed:
            continue
        out.append(Diagnostic.of("warning", "package.unlisted_file",
                           f"{name!r} is in the zip but in no <file href> of the manifest", where))
    return out


def _check_pages(archive: zipfile.ZipFile, files: dict[str, zipfile.ZipInfo], where: str) -> list[Diagnostic]:
    pages: dict[str, bytes] = {}
    for name, info in files.items():
        if is_page(name):
            try:
                pages[name] = archive.read(info)
            except READ_ERRORS as exc:
                return [Diagnostic.of("error", "package.corrupt", f"cannot read {name!r} ({exc})", where)]
    return check_links(pages, files)


def _resolve(element: etree._Element, href: str | None) -> str | None:
    """The zip member ``href`` points at, after ``xml:base``; ``None`` when it is unsafe or external."""
    if not href or href_problem(href):
        return None
    url = _ROOT_URL
    for node in [*reversed(list(element.iterancestors())), element]:
        base = node.get(XML_BASE)
        if base:
            if href_problem(base):
                return None
            url = urljoin(url, base)
    url = urljoin(url, href)
    if not url.startswith(_ROOT_URL):
        return None
    path = unquote(urlsplit(url).path).lstrip("/")
    return posixpath.normpath(path) if path else None
