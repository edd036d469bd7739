"""Hand-made SCORM packages for the validator's tests: a correct 1.2 and 2004 manifest and zip."""

from __future__ import annotations

import zipfile
from pathlib import Path

# Hand-written after the Rustici "Golf Explained" 1.2 sample in shared/schemas/samples.
MANIFEST_12 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="lp.test.v1" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd
                      http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org_1">
    <organization identifier="org_1">
      <title>Test course</title>
      <item identifier="module_1">
        <title>Module</title>
        <item identifier="item_1" identifierref="res_1">
          <title>Lesson</title>
          <adlcp:masteryscore>80</adlcp:masteryscore>
        </item>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res_1" type="webcontent" adlcp:scormtype="sco" href="shared/launch.html">
      <file href="shared/launch.html"/>
      <file href="shared/style.css"/>
    </resource>
  </resources>
</manifest>
"""
FILES_12 = {
    "shared/launch.html": "<!doctype html><title>Lesson</title>",
    "shared/style.css": "body { margin: 0 }",
    "imscp_rootv1p1p2.xsd": "<!-- controlling document shipped at the root -->",
}

# Hand-written after ADL's LMSTestPackage_CM-01 and _DMI samples (4th edition).
MANIFEST_2004 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="lp.test.v1" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd
                      http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd
                      http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd
                      http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd
                      http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org_1">
    <organization identifier="org_1">
      <title>Test course</title>
      <item identifier="module_1">
        <title>Module</title>
        <item identifier="item_1" identifierref="res_1">
          <title>Lesson</title>
          <imsss:sequencing>
            <imsss:objectives>
              <imsss:primaryObjective objectiveID="passed" satisfiedByMeasure="true">
                <imsss:minNormalizedMeasure>0.8</imsss:minNormalizedMeasure>
              </imsss:primaryObjective>
            </imsss:objectives>
          </imsss:sequencing>
          <adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.8"/>
        </item>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res_1" type="webcontent" adlcp:scormType="sco" href="index.html?lang=nb#start" xml:base="content/">
      <file href="index.html"/>
      <file href="my%20image.png"/>
      <dependency identifierref="res_common"/>
    </resource>
    <resource identifier="res_common" type="webcontent" adlcp:scormType="asset">
      <file href="common/api.js"/>
    </resource>
  </resources>
</manifest>
"""
FILES_2004 = {
    "content/index.html": "<!doctype html><title>Lesson</title>",
    "content/my image.png": b"\x89PNG\r\n\x1a\n",
    "common/api.js": "export {};",
}

PACKAGES = {"1.2": (MANIFEST_12, FILES_12), "2004": (MANIFEST_2004, FILES_2004)}


def write_zip(path: Path, members: dict[str, str | bytes], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = compression
            archive.writestr(info, data)
    return path


def package(tmp_path: Path, version: str, manifest: str | None = None, **extra: str | bytes) -> Path:
    """A zip of the good package for ``version``, with ``manifest`` and extra members swapped in."""
    good_manifest, files = PACKAGES[version]
    members: dict[str, str | bytes] = {"imsmanifest.xml": manifest or good_manifest, **files, **extra}
    return write_zip(tmp_path / f"course-{version}.zip", members)
