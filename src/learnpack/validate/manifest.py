"""Semantic checks on a parsed ``imsmanifest.xml`` that the ADL/IMS XSDs cannot make.

They work on any SCORM 1.2 or 2004 manifest, ours or anyone's. libxml2 does not resolve
``xs:IDREF``, ``identifierref`` and ``schemaversion`` are free strings, and SCORM 2004's
``imscp_v1p1.xsd`` lets a misspelled ``adlcp:scormtype`` through, so these are checked here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import unquote

from lxml import etree

from ..errors import Diagnostic
from ..scorm.versions import SCORM12, SCORM2004

CP12, ADLCP12 = SCORM12.cp, SCORM12.adlcp
CP2004, ADLCP2004 = SCORM2004.cp, SCORM2004.adlcp
ADLSEQ = SCORM2004.extra_namespaces["adlseq"]
ADLNAV = SCORM2004.extra_namespaces["adlnav"]
IMSSS = SCORM2004.extra_namespaces["imsss"]
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"

#: Moodle reads manifests without namespaces, so these prefixes must be used literally.
PREFIXES = {ADLCP12: "adlcp", ADLCP2004: "adlcp", ADLSEQ: "adlseq", ADLNAV: "adlnav", IMSSS: "imsss"}


@dataclass(frozen=True, slots=True)
class _Rules:
    cp: str
    adlcp: str
    other_adlcp: str
    scormtype: str
    schemaversion: str


RULES = {
    SCORM12.label: _Rules(CP12, ADLCP12, ADLCP2004, SCORM12.scorm_type_attr, SCORM12.schemaversion),
    SCORM2004.label: _Rules(CP2004, ADLCP2004, ADLCP12, SCORM2004.scorm_type_attr, SCORM2004.schemaversion),
}
_OLDER_2004 = re.compile(r"CAM 1\.3|2004 (1st|2nd|3rd) Edition")
_LOOKS_2004 = re.compile(r"(2004|cam\s*1\.3)", re.IGNORECASE)
# xs:NCName, close enough: a letter or "_", then letters, digits, ".", "-", "_" (no ":" or spaces).
_NCNAME = re.compile(r"[^\W\d][\w.\-\u00b7\u0300-\u036f\u203f\u2040]*")
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")


def detect_version(tree: etree._ElementTree) -> str | None:
    """``"1.2"`` or ``"2004"`` from ``metadata/schemaversion``, else from the namespaces; ``None`` if unknown."""
    root = tree.getroot()
    text = _schemaversion_text(root)
    if text is not None:
        text = text.strip()
        if text == "1.2":
            return "1.2"
        if _LOOKS_2004.match(text):
            return "2004"
    namespaces = {etree.QName(root).namespace, *root.nsmap.values()}
    for version, rules in RULES.items():
        if rules.cp in namespaces or rules.adlcp in namespaces:
            return version
    return None


def url_scheme(href: str) -> str | None:
    """The scheme of ``href`` in lower case (``"https"``; ``"c"`` for a drive letter), ``None`` if relative."""
    match = _SCHEME.match(href)
    return match.group()[:-1].lower() if match else None


def href_problem(href: str) -> str | None:
    """Why ``href`` is not a safe package-relative path, or ``None`` when it is."""
    if not href.strip():
        return "is empty"
    if url_scheme(href):
        return "has a URL scheme or drive letter"
    if href.startswith("/"):
        return "is absolute (starts with '/')"
    path = unquote(re.split(r"[?#]", href, maxsplit=1)[0])
    if "\\" in path:
        return "contains a backslash"
    if ".." in path.split("/"):
        return "has a '..' segment"
    return None


def check_manifest(tree: etree._ElementTree, version: str) -> list[Diagnostic]:
    """Every semantic problem of the manifest ``tree`` for SCORM ``version`` (``"1.2"`` or ``"2004"``)."""
    if version not in RULES:
        raise ValueError(f"unknown SCORM version {version!r}; expected '1.2' or '2004'")
    rules = RULES[version]
    root = tree.getroot()
    name = etree.QName(root)
    if name.localname != "manifest":
        return [_error("manifest.root", f"root element is <{name.localname}>, not <manifest>", root)]
    out: list[Diagnostic] = []
    if name.namespace != rules.cp:
        out.append(_error("manifest.namespace",
                          f"<manifest> is in namespace {name.namespace or '(none)'}; SCORM {version} needs {rules.cp}",
                          root))
    tag = _Tags(name.namespace)
    out += _check_metadata(root, tag, rules, version)
    out += _check_identifiers(root, tag)
    resources = {r.get("identifier"): r for r in root.iter(tag("resource"))}
    submanifests = {m.get("identifier") for m in root.iter(tag("manifest")) if m is not root}
    out += _check_organizations(root, tag)
    out += _check_items(root, tag, resources, submanifests)
    out += _check_resources(root, tag, resources, rules, version)
    out += _check_hrefs(root, tag)
    out += _check_namespaces(root, rules, version)
    out += _check_values(root)
    return sorted(out, key=lambda f: f.line or 0)


class _Tags:
    """Clark-notation tags in the namespace the manifest actually uses."""

    def __init__(self, namespace: str | None) -> None:
        self.prefix = f"{{{namespace}}}" if namespace else ""

    def __call__(self, name: str) -> str:
        return self.prefix + name


def _finding(severity: str, code: str, message: str, element: etree._Element) -> Diagnostic:
    return Diagnostic.of(severity, code, message, line=element.sourceline)


def _error(code: str, message: str, element: etree._Element) -> Diagnostic:
    return _finding("error", code, message, element)


def _schemaversion_text(root: etree._Element) -> str | None:
    tag = _Tags(etree.QName(root).namespace)
    element = root.find(f"{tag('metadata')}/{tag('schemaversion')}")
    return None if element is None else (element.text or "")


def _check_metadata(root: etree._Element, tag: _Tags, rules: _Rules, version: str) -> list[Diagnostic]:
    metadata = root.find(tag("metadata"))
    if metadata is None:
        return [_error("manifest.metadata_missing", "no <metadata> with <schema> and <schemaversion>", root)]
    out: list[Diagnostic] = []
    schema = metadata.find(tag("schema"))
    if schema is None:
        out.append(_error("manifest.schema_missing", "<metadata> has no <schema>ADL SCORM</schema>", metadata))
    elif (schema.text or "").strip() != "ADL SCORM":
        out.append(_error("manifest.schema", f"<schema> is {schema.text!r}, not 'ADL SCORM'", schema))
    element = metadata.find(tag("schemaversion"))
    if element is None:
        out.append(_error("manifest.schemaversion_missing",
                          f"<metadata> has no <schemaversion>{rules.schemaversion}</schemaversion>", metadata))
        return out
    text = (element.text or "").strip()
    if text == rules.schemaversion:
        return out
    if version == "2004" and _OLDER_2004.fullmatch(text):
        out.append(_finding("warning", "manifest.not_4th_edition",
                            f"<schemaversion> is {text!r}: a SCORM 2004 package, but not '2004 4th Edition'",
                            element))
    else:
        hint = " (LMSs such as Moodle pick the version from it and treat unknown values as 1.2)"
        out.append(_error("manifest.schemaversion",
                          f"<schemaversion> is {element.text!r}; SCORM {version} needs exactly "
                          f"{rules.schemaversion!r}{hint}", element))
    return out


def _check_identifiers(root: etree._Element, tag: _Tags) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    seen: dict[str, etree._Element] = {}
    for element in root.iter(tag("manifest"), tag("organization"), tag("item"), tag("resource")):
        kind = etree.QName(element).localname
        identifier = element.get("identifier")
        if identifier is None:
            out.append(_error("manifest.identifier_missing", f"<{kind}> has no identifier", element))
            continue
        if not _NCNAME.fullmatch(identifier):
            out.append(_error("manifest.identifier_invalid",
                              f"{kind} identifier {identifier!r} is not a valid xs:ID (start with a letter "
                              "or '_'; no spaces or colons)", element))
        if identifier in seen:
            out.append(_error("manifest.duplicate_id",
                              f"identifier {identifier!r} is used twice (first on line {seen[identifier].sourceline})",
                              element))
        else:
            seen[identifier] = element
    return out


def _check_organizations(root: etree._Element, tag: _Tags) -> list[Diagnostic]:
    organizations = root.find(tag("organizations"))
    if organizations is None:
        return [_error("manifest.organizations_missing", "no <organizations> element", root)]
    ids = {o.get("identifier") for o in organizations.findall(tag("organization"))}
    default = organizations.get("default")
    if not ids:
        return [_finding("warning", "manifest.no_organization",
                         "no <organization>: an LMS has nothing to launch", organizations)]
    if default is None or not default.strip():
        return [_error("manifest.default_missing", "<organizations> has no default attribute", organizations)]
    if default not in ids:
        return [_error("manifest.default_dangling",
                       f"<organizations default={default!r}> names no organization "
                       f"(organizations: {', '.join(sorted(i for i in ids if i))})", organizations)]
    return []


def _check_items(root: etree._Element, tag: _Tags, resources: dict[str | None, etree._Element],
                 submanifests: set[str | None]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for item in root.iter(tag("item")):
        label = f"item {item.get('identifier')!r}"
        ref = item.get("identifierref")
        if item.find(tag("item")) is not None:
            if ref is not None:
                out.append(_error("manifest.parent_with_ref",
                                  f"{label} has child items, so it must not have an identifierref", item))
            continue
        if not ref:
            out.append(_error("manifest.leaf_without_ref", f"{label} has no child items and no identifierref", item))
        elif ref in resources:
            resource = resources[ref]
            if not resource.get("href"):
                kind = _scorm_type(resource) or "resource"
                out.append(_error("manifest.launch_without_href",
                                  f"{label} launches {kind} {ref!r}, which has no href", resource))
        elif ref not in submanifests:
            out.append(_error("manifest.identifierref_dangling",
                              f"{label}: identifierref {ref!r} names no resource", item))
    for dependency in root.iter(tag("dependency")):
        ref = dependency.get("identifierref")
        if ref not in resources:
            out.append(_error("manifest.dependency_dangling",
                              f"<dependency identifierref={ref!r}> names no resource", dependency))
    return out


def _scorm_type(resource: etree._Element) -> str | None:
    for key, value in resource.attrib.items():
        if etree.QName(key).localname.lower() == "scormtype":
            return value
    return None


def _check_resources(root: etree._Element, tag: _Tags, resources: dict[str | None, etree._Element],
                     rules: _Rules, version: str) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    if root.find(tag("resources")) is None:
        out.append(_error("manifest.resources_missing", "no <resources> element", root))
    expected = f"{{{rules.adlcp}}}{rules.scormtype}"
    for resource in resources.values():
        variants = [k for k in resource.attrib if etree.QName(k).localname.lower() == "scormtype"]
        for key in variants:
            if key == expected:
                continue
            spelled = etree.QName(key)
            if spelled.localname != rules.scormtype:
                out.append(_error("manifest.scormtype_case",
                                  f"'{spelled.localname}' is spelled wrong for SCORM {version}: "
                                  f"use adlcp:{rules.scormtype}", resource))
            else:
                out.append(_error("manifest.scormtype_namespace",
                                  f"{rules.scormtype} is in namespace {spelled.namespace or '(none)'}; "
                                  f"SCORM {version} needs adlcp = {rules.adlcp}", resource))
        value = resource.get(expected)
        if value is None:
            if not variants and resource.get("type") == "webcontent":
                out.append(_error("manifest.scormtype_missing",
                                  f"resource {resource.get('identifier')!r} has no adlcp:{rules.scormtype}",
                                  resource))
        elif value not in ("sco", "asset"):
            out.append(_error("manifest.scormtype_value",
                              f"adlcp:{rules.scormtype} is {value!r}; use 'sco' or 'asset'", resource))
    return out


def _check_hrefs(root: etree._Element, tag: _Tags) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    checked = [(e, "href", e.get("href")) for e in root.iter(tag("resource"), tag("file"))]
    checked += [(e, "xml:base", e.get(XML_BASE)) for e in root.iter(tag=etree.Element)]
    checked += [(e, "adlcp:location", e.text) for e in root.iter(f"{{{ADLCP12}}}location", f"{{{ADLCP2004}}}location")]
    for element, attribute, value in checked:
        if value is None:
            if attribute == "href" and etree.QName(element).localname == "file":
                out.append(_error("manifest.unsafe_href", "<file> has no href", element))
            continue
        if attribute == "xml:base" and value == "":
            continue
        problem = href_problem(value)
        if problem:
            out.append(_error("manifest.unsafe_href",
                              f"{attribute} {value!r} {problem}: use a relative path inside the package", element))
    return out


def _check_namespaces(root: etree._Element, rules: _Rules, version: str) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    reported: set[tuple[str | None, str]] = set()
    for element in root.iter(tag=etree.Element):
        parent = element.getparent()
        inherited = {} if parent is None else parent.nsmap
        for prefix, uri in element.nsmap.items():
            if inherited.get(prefix) == uri or (prefix, uri) in reported:
                continue
            reported.add((prefix, uri))
            if uri == rules.other_adlcp:
                out.append(_error("manifest.adlcp_namespace",
                                  f"namespace {uri} is not SCORM {version}'s; use adlcp = {rules.adlcp}", element))
            elif uri in PREFIXES and prefix != PREFIXES[uri]:
                shown = f"prefix {prefix!r}" if prefix else "the default namespace"
                out.append(_finding("warning", "manifest.ns_prefix",
                                    f"{uri} is bound to {shown}; Moodle reads manifests without namespaces "
                                    f"and needs the prefix {PREFIXES[uri]!r}", element))
    return out


def _check_values(root: etree._Element) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for element in root.iter(f"{{{ADLCP12}}}masteryscore"):
        if not _in_range(element.text, 0, 100):
            out.append(_error("manifest.masteryscore",
                              f"adlcp:masteryscore {element.text!r} is not a number from 0 to 100", element))
    for element in root.iter(f"{{{IMSSS}}}minNormalizedMeasure"):
        if not _in_range(element.text, -1, 1):
            out.append(_error("manifest.min_normalized_measure",
                              f"imsss:minNormalizedMeasure {element.text!r} is not a number from -1 to 1", element))
    for element in root.iter(f"{{{ADLCP2004}}}completionThreshold"):
        value = element.get("minProgressMeasure")
        if value is not None and not _in_range(value, 0, 1):
            out.append(_error("manifest.min_progress_measure",
                              f"minProgressMeasure {value!r} is not a number from 0 to 1", element))
    return out


def _in_range(text: str | None, low: int, high: int) -> bool:
    text = (text or "").strip()
    return bool(_DECIMAL.fullmatch(text)) and low <= Decimal(text) <= high
