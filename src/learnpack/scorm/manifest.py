"""``imsmanifest.xml`` for SCORM 1.2 and 2004 4th edition, built with lxml.

The namespace prefixes are literally ``adlcp``, ``imsss``, ``adlseq`` and ``adlnav``:
Moodle reads manifests without namespaces. Identifiers come from the course id and
version (never random), so an LMS keeps learners' progress when a package is re-uploaded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from .versions import SCORM12, SCORM2004, ScormVersion

XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML = "http://www.w3.org/XML/1998/namespace"
LOM = "http://ltsc.ieee.org/xsd/LOM"
IMSMD12 = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"


@dataclass(frozen=True)
class PackageInfo:
    """What a manifest says about one package."""

    identifier: str  # a valid xs:ID, from course id and version
    sco_identifier: str  # a valid xs:ID without the version, so re-uploads keep learners' progress
    version: str
    title: str
    description: str
    language: str  # the source language
    languages: tuple[str, ...]  # every language in the package
    launch: str  # href of the SCO's launch page
    files: Sequence[str]  # every file of the SCO, package-relative, sorted
    mastery: int | None  # pass mark in percent, None when nothing is scored
    metadata_file: str | None = None  # SCORM 1.2: the IMS metadata record in the package


def xml_id(*parts: str) -> str:
    """Join parts into a valid xs:ID (an NCName), e.g. ``lp.vitale-tegn.1.0.0.nb``."""
    text = ".".join(parts)
    text = re.sub(r"[^A-Za-z0-9._-]", "_", text)
    return text if re.match(r"^[A-Za-z_]", text) else f"_{text}"


def build_manifest(version: ScormVersion, info: PackageInfo) -> bytes:
    """The manifest as UTF-8 bytes with an XML declaration."""
    nsmap: dict[str | None, str] = {None: version.cp, "adlcp": version.adlcp}
    nsmap.update(version.extra_namespaces)
    nsmap["xsi"] = XSI
    E = _Maker(version.cp)
    manifest = etree.Element(f"{{{version.cp}}}manifest", nsmap=nsmap)  # type: ignore[arg-type]
    manifest.set("identifier", info.identifier)
    manifest.set("version", info.version)
    manifest.set(f"{{{XSI}}}schemaLocation", " ".join(f"{ns} {loc}" for ns, loc in version.schema_locations))

    metadata = E.sub(manifest, "metadata")
    E.sub(metadata, "schema", "ADL SCORM")
    E.sub(metadata, "schemaversion", version.schemaversion)
    if version is SCORM2004:
        metadata.append(_lom(info))
    elif info.metadata_file:
        etree.SubElement(metadata, f"{{{version.adlcp}}}location").text = info.metadata_file

    org_id = xml_id(info.sco_identifier, "org")
    organizations = E.sub(manifest, "organizations", default=org_id)
    organization = E.sub(organizations, "organization", identifier=org_id)
    E.sub(organization, "title", info.title)
    resource_id = xml_id(info.sco_identifier, "sco")
    item = E.sub(organization, "item", identifier=xml_id(info.sco_identifier, "item"), identifierref=resource_id)
    E.sub(item, "title", info.title)
    if version is SCORM12:
        if info.mastery is not None:
            etree.SubElement(item, f"{{{version.adlcp}}}masteryscore").text = str(info.mastery)
    else:
        _sequencing_2004(item, info)

    resources = E.sub(manifest, "resources")
    resource = E.sub(resources, "resource", identifier=resource_id, type="webcontent", href=info.launch)
    resource.set(f"{{{version.adlcp}}}{version.scorm_type_attr}", "sco")
    for name in info.files:
        E.sub(resource, "file", href=name)
    return etree.tostring(manifest, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _sequencing_2004(item: etree._Element, info: PackageInfo) -> None:
    adlcp = SCORM2004.adlcp
    imsss = SCORM2004.extra_namespaces["imsss"]
    threshold = etree.SubElement(item, f"{{{adlcp}}}completionThreshold")
    threshold.set("completedByMeasure", "true")
    threshold.set("minProgressMeasure", "1.0")
    if info.mastery is None:
        return
    sequencing = etree.SubElement(item, f"{{{imsss}}}sequencing")
    objectives = etree.SubElement(sequencing, f"{{{imsss}}}objectives")
    primary = etree.SubElement(objectives, f"{{{imsss}}}primaryObjective")
    primary.set("objectiveID", xml_id(info.sco_identifier, "passed"))
    primary.set("satisfiedByMeasure", "true")
    etree.SubElement(primary, f"{{{imsss}}}minNormalizedMeasure").text = _measure(info.mastery)


def _measure(percent: int) -> str:
    return f"{percent / 100:.2f}".rstrip("0").rstrip(".") if percent % 100 else f"{percent // 100}.0"


def _lom(info: PackageInfo) -> etree._Element:
    lom = etree.Element(f"{{{LOM}}}lom", nsmap={"lom": LOM})
    general = etree.SubElement(lom, f"{{{LOM}}}general")
    identifier = etree.SubElement(general, f"{{{LOM}}}identifier")
    etree.SubElement(identifier, f"{{{LOM}}}catalog").text = "learnpack"
    etree.SubElement(identifier, f"{{{LOM}}}entry").text = info.identifier
    title = etree.SubElement(general, f"{{{LOM}}}title")
    etree.SubElement(title, f"{{{LOM}}}string", language=info.language).text = info.title
    for language in info.languages:
        etree.SubElement(general, f"{{{LOM}}}language").text = language
    if info.description:
        description = etree.SubElement(general, f"{{{LOM}}}description")
        etree.SubElement(description, f"{{{LOM}}}string", language=info.language).text = info.description
    return lom


def build_metadata_12(info: PackageInfo) -> bytes:
    """A SCORM 1.2 IMS metadata record (title, description, language) for ``adlcp:location``."""
    E = _Maker(IMSMD12)
    lom = etree.Element(f"{{{IMSMD12}}}lom", nsmap={None: IMSMD12})  # type: ignore[dict-item]
    general = E.sub(lom, "general")
    title = E.sub(general, "title")
    E.sub(title, "langstring", info.title).set(f"{{{XML}}}lang", info.language)
    for language in info.languages:
        E.sub(general, "language", language)
    if info.description:
        description = E.sub(general, "description")
        E.sub(description, "langstring", info.description).set(f"{{{XML}}}lang", info.language)
    return etree.tostring(lom, xml_declaration=True, encoding="UTF-8", pretty_print=True)


class _Maker:
    """``sub(parent, "tag", text, **attrs)`` in one namespace."""

    def __init__(self, namespace: str) -> None:
        self.namespace = namespace

    def sub(self, parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
        element = etree.SubElement(parent, f"{{{self.namespace}}}{tag}")
        for key, value in attrs.items():
            element.set(key, value)
        if text is not None:
            element.text = text
        return element
