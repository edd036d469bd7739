"""``learnpack.validate.package``: any SCORM zip checked without trusting it, every problem a finding."""

from __future__ import annotations

import os
import random
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from learnpack.errors import Diagnostic
from learnpack.validate.manifest import check_manifest, detect_version
from learnpack.validate.package import has_errors, validate_package
from support.courses import SCHEMAS
from support.packages import FILES_12, FILES_2004, MANIFEST_12, MANIFEST_2004, PACKAGES, package, write_zip

needs_schemas = pytest.mark.skipif(
    not (SCHEMAS / "scorm12" / "manifest.xsd").is_file(),
    reason=f"ADL schemas not found at {SCHEMAS} (the shared schema folder is not checked out)",
)

def edit(text: str, old: str, new: str) -> str:
    assert old in text, f"test bug: {old!r} not in the manifest"
    return text.replace(old, new)


def codes(findings: list[Diagnostic], severity: str = "error") -> set[str]:
    return {f.code for f in findings if f.level == severity}


# -- good packages -----------------------------------------------------------------------------


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_good_package_without_schemas_says_xsd_was_not_checked(tmp_path: Path, version: str) -> None:
    findings = validate_package(package(tmp_path, version))
    assert [(f.level, f.code, f.message) for f in findings] == [
        ("info", "xsd.not_checked", "XSD not checked: pass --schemas DIR")
    ]
    assert not has_errors(findings)


@needs_schemas
@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_good_package_is_valid_against_the_adl_schemas(tmp_path: Path, version: str) -> None:
    findings = validate_package(package(tmp_path, version), schemas=SCHEMAS)
    assert [f.format() for f in findings] == []


@needs_schemas
def test_every_saved_sample_manifest_passes_the_semantic_checks() -> None:
    samples = sorted((SCHEMAS / "samples").glob("*/*/imsmanifest.xml"))
    assert len(samples) >= 6
    for sample in samples:
        tree = etree.parse(str(sample))
        version = detect_version(tree)
        expected = "1.2" if sample.parts[-3] == "scorm12" else "2004"
        assert version == expected, sample
        assert [f.format() for f in check_manifest(tree, version)] == [], sample


# -- semantic manifest checks --------------------------------------------------------------------

BROKEN = [
    # (version, old, new, code)
    ("1.2", 'default="org_1"', 'default="nowhere"', "manifest.default_dangling"),
    ("2004", 'default="org_1"', 'default="nowhere"', "manifest.default_dangling"),
    ("1.2", ' default="org_1"', "", "manifest.default_missing"),
    ("1.2", 'identifierref="res_1"', 'identifierref="res_nowhere"', "manifest.identifierref_dangling"),
    ("2004", 'identifierref="res_1"', 'identifierref="res_nowhere"', "manifest.identifierref_dangling"),
    ("2004", '<dependency identifierref="res_common"/>', '<dependency identifierref="gone"/>',
     "manifest.dependency_dangling"),
    ("1.2", 'adlcp:scormtype="sco"', 'adlcp:scormType="sco"', "manifest.scormtype_case"),
    ("2004", 'adlcp:scormType="sco"', 'adlcp:scormtype="sco"', "manifest.scormtype_case"),
    ("1.2", ' adlcp:scormtype="sco"', "", "manifest.scormtype_missing"),
    ("1.2", 'adlcp:scormtype="sco"', 'adlcp:scormtype="SCO"', "manifest.scormtype_value"),
    ("1.2", "<schemaversion>1.2<", "<schemaversion>1.2.0<", "manifest.schemaversion"),
    ("2004", "2004 4th Edition", "2004 4th edition", "manifest.schemaversion"),
    ("1.2", "<schema>ADL SCORM<", "<schema>SCORM<", "manifest.schema"),
    ("1.2", 'identifier="item_1"', 'identifier="res_1"', "manifest.duplicate_id"),
    ("2004", 'identifier="item_1"', 'identifier="org_1"', "manifest.duplicate_id"),
    ("1.2", 'identifier="item_1"', 'identifier="1st item"', "manifest.identifier_invalid"),
    ("1.2", 'href="shared/style.css"', 'href="/shared/style.css"', "manifest.unsafe_href"),
    ("1.2", 'href="shared/style.css"', 'href="../style.css"', "manifest.unsafe_href"),
    ("2004", 'href="index.html?', 'href="../index.html?', "manifest.unsafe_href"),
    ("2004", 'xml:base="content/"', 'xml:base="/content/"', "manifest.unsafe_href"),
    ("1.2", 'href="shared/style.css"', 'href="shared\\style.css"', "manifest.unsafe_href"),
    ("1.2", 'href="shared/style.css"', 'href="https://cdn.example/style.css"', "manifest.unsafe_href"),
    ("1.2", 'href="shared/style.css"', 'href="%2e%2e/style.css"', "manifest.unsafe_href"),
    ("1.2", '<item identifier="module_1">', '<item identifier="module_1" identifierref="res_1">',
     "manifest.parent_with_ref"),
    ("2004", ' identifierref="res_1"', "", "manifest.leaf_without_ref"),
    ("1.2", ' href="shared/launch.html">', ">", "manifest.launch_without_href"),
    ("1.2", "<adlcp:masteryscore>80<", "<adlcp:masteryscore>120<", "manifest.masteryscore"),
    ("1.2", "<adlcp:masteryscore>80<", "<adlcp:masteryscore>eighty<", "manifest.masteryscore"),
    ("2004", "<imsss:minNormalizedMeasure>0.8<", "<imsss:minNormalizedMeasure>1.5<",
     "manifest.min_normalized_measure"),
    ("2004", 'minProgressMeasure="0.8"', 'minProgressMeasure="2"', "manifest.min_progress_measure"),
    ("2004", "http://www.adlnet.org/xsd/adlcp_v1p3\"", "http://www.adlnet.org/xsd/adlcp_rootv1p2\"",
     "manifest.adlcp_namespace"),
    ("2004", "xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\"",
     "xmlns=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2\"", "manifest.namespace"),
]


@pytest.mark.parametrize(("version", "old", "new", "code"), BROKEN, ids=[f"{b[0]}-{b[3]}" for b in BROKEN])
def test_broken_manifest_gives_error(tmp_path: Path, version: str, old: str, new: str, code: str) -> None:
    manifest = edit(PACKAGES[version][0], old, new)
    findings = validate_package(package(tmp_path, version, manifest))
    assert code in codes(findings), [f.format() for f in findings]
    (first,) = [f for f in findings if f.code == code][:1]
    assert str(first.path) == "imsmanifest.xml"
    assert isinstance(first.line, int) and first.line > 1


def test_finding_points_at_the_line_of_the_element(tmp_path: Path) -> None:
    manifest = edit(MANIFEST_12, 'identifierref="res_1"', 'identifierref="res_nowhere"')
    findings = validate_package(package(tmp_path, "1.2", manifest))
    (finding,) = [f for f in findings if f.code == "manifest.identifierref_dangling"]
    expected_line = manifest.splitlines().index('        <item identifier="item_1" identifierref="res_nowhere">') + 1
    assert finding.format() == (
        f"imsmanifest.xml:{expected_line}: error: item 'item_1': identifierref 'res_nowhere' "
        "names no resource [manifest.identifierref_dangling]"
    )


def test_older_2004_edition_is_a_warning_not_an_error(tmp_path: Path) -> None:
    manifest = edit(MANIFEST_2004, "2004 4th Edition", "2004 3rd Edition")
    findings = validate_package(package(tmp_path, "2004", manifest))
    assert not has_errors(findings)
    assert codes(findings, "warning") == {"manifest.not_4th_edition"}


def test_other_namespace_prefix_is_a_warning(tmp_path: Path) -> None:
    manifest = edit(MANIFEST_2004, "xmlns:imsss=", "xmlns:ss=").replace("imsss:", "ss:")
    findings = validate_package(package(tmp_path, "2004", manifest))
    assert not has_errors(findings)
    assert codes(findings, "warning") == {"manifest.ns_prefix"}
    (warning,) = [f for f in findings if f.code == "manifest.ns_prefix"]
    assert "'imsss'" in warning.message
    assert warning.line == etree.fromstring(manifest.encode()).sourceline  # libxml2: where the start tag ends


def test_detect_version_from_schemaversion_and_namespaces() -> None:
    def version(text: str) -> str | None:
        return detect_version(etree.ElementTree(etree.fromstring(text.encode())))

    assert version(MANIFEST_12) == "1.2"
    assert version(MANIFEST_2004) == "2004"
    assert version(MANIFEST_2004.replace("2004 4th Edition", "CAM 1.3")) == "2004"
    assert version(MANIFEST_12.replace("<schemaversion>1.2</schemaversion>", "")) == "1.2"
    assert version(MANIFEST_2004.replace("2004 4th Edition", "unknown")) == "2004"
    assert version("<manifest><metadata><schemaversion>9</schemaversion></metadata></manifest>") is None


def test_check_manifest_rejects_an_unknown_version() -> None:
    tree = etree.ElementTree(etree.fromstring(MANIFEST_12.encode()))
    with pytest.raises(ValueError, match="unknown SCORM version"):
        check_manifest(tree, "2.0")


# -- XSD ---------------------------------------------------------------------------------------


@needs_schemas
@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_xsd_errors_are_reported_with_their_line(tmp_path: Path, version: str) -> None:
    # A resource without type= is caught only by the XSD, not by the semantic checks.
    manifest = edit(PACKAGES[version][0], '<resource identifier="res_1" type="webcontent"',
                    '<resource identifier="res_1"')
    zip_path = package(tmp_path, version, manifest)
    assert not has_errors(validate_package(zip_path))
    findings = validate_package(zip_path, schemas=SCHEMAS)
    xsd = [f for f in findings if f.code == "xsd.invalid"]
    assert xsd and all(f.level == "error" for f in xsd)
    resource_line = next(i for i, line in enumerate(manifest.splitlines(), 1) if 'identifier="res_1"' in line
                         and "<resource" in line)
    assert [f.line for f in xsd] == [resource_line]
    assert "type" in xsd[0].message
    assert "xsd.not_checked" not in codes(findings, "info")


def test_missing_schema_file_is_reported(tmp_path: Path) -> None:
    findings = validate_package(package(tmp_path, "1.2"), schemas=tmp_path / "no-schemas")
    assert codes(findings) == {"xsd.not_found"}


# -- the zip itself ----------------------------------------------------------------------------


def test_missing_path_and_folder(tmp_path: Path) -> None:
    assert codes(validate_package(tmp_path / "nothing.zip")) == {"package.not_found"}
    assert codes(validate_package(tmp_path)) == {"package.not_found"}


def test_random_bytes_are_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "random.zip"
    path.write_bytes(random.Random(7).randbytes(4096))
    findings = validate_package(path)
    assert codes(findings) == {"package.not_zip"}
    assert findings[0].path == path


def test_truncated_zip(tmp_path: Path) -> None:
    whole = package(tmp_path, "1.2").read_bytes()
    path = tmp_path / "truncated.zip"
    path.write_bytes(whole[: len(whole) // 2])
    assert codes(validate_package(path)) == {"package.not_zip"}


def test_damaged_member_fails_the_crc_check(tmp_path: Path) -> None:
    css = "body { margin: 0 }" * 20
    path = write_zip(tmp_path / "crc.zip", {"imsmanifest.xml": MANIFEST_12, **FILES_12, "shared/style.css": css},
                     compression=zipfile.ZIP_STORED)
    data = bytearray(path.read_bytes())
    at = data.index(css.encode()) + 5
    data[at] ^= 0xFF
    path.write_bytes(bytes(data))
    findings = validate_package(path)
    assert codes(findings) == {"package.corrupt"}
    assert "shared/style.css" in findings[0].message


def test_zip_without_manifest(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "empty.zip", dict(FILES_12))
    findings = validate_package(path)
    assert codes(findings) == {"package.manifest_missing"}


def test_manifest_in_a_subfolder_says_where(tmp_path: Path) -> None:
    members = {f"course/{name}": data for name, data in {"imsmanifest.xml": MANIFEST_12, **FILES_12}.items()}
    findings = validate_package(write_zip(tmp_path / "nested.zip", members))
    assert codes(findings) == {"package.manifest_in_subfolder"}
    assert "'course/'" in findings[0].message


def test_manifest_that_is_not_xml(tmp_path: Path) -> None:
    manifest = '<?xml version="1.0"?>\n<manifest>\n  <metadata>\n</manifest>\n'
    findings = validate_package(package(tmp_path, "1.2", manifest))
    (finding,) = [f for f in findings if f.level == "error"]
    assert finding.code == "manifest.not_xml"
    assert finding.line == 4


# -- unsafe members are reported and never written ---------------------------------------------

UNSAFE = ["../../evil.txt", "/etc/x", "a/../../evil.txt", "C:/evil.txt", "dir\\..\\evil.txt"]


@pytest.mark.parametrize("member", UNSAFE)
def test_unsafe_member_is_reported_and_not_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   member: str) -> None:
    def no_extraction(*args: object, **kwargs: object) -> None:
        raise AssertionError("validate_package must not extract members")

    monkeypatch.setattr(zipfile.ZipFile, "extract", no_extraction)
    monkeypatch.setattr(zipfile.ZipFile, "extractall", no_extraction)
    work = tmp_path / "a" / "b" / "work"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    etc_x_existed = Path("/etc/x").exists()

    findings = validate_package(package(tmp_path, "1.2", **{member: "pwned"}))

    assert codes(findings) == {"package.unsafe_path"}
    assert any(repr(member) in f.message for f in findings)
    assert not any(f.code == "package.unlisted_file" for f in findings)
    for folder in [tmp_path, *tmp_path.parents]:
        assert not (folder / "evil.txt").exists(), folder
    assert not [p for p in tmp_path.rglob("*") if p.name in {"evil.txt", "x", "dir\\..\\evil.txt"}]
    assert Path("/etc/x").exists() == etc_x_existed


def test_duplicate_member_is_a_warning(tmp_path: Path) -> None:
    path = package(tmp_path, "1.2")
    with pytest.warns(UserWarning, match="Duplicate name"), zipfile.ZipFile(path, "a") as archive:
        archive.writestr("shared/style.css", "body { margin: 1em }")
    findings = validate_package(path)
    assert not has_errors(findings)
    assert codes(findings, "warning") == {"package.duplicate_member"}


def test_encrypted_member_is_an_error(tmp_path: Path) -> None:
    # zipfile cannot write encrypted members: set the "encrypted" flag bit in every header instead.
    data = bytearray(package(tmp_path, "1.2").read_bytes())
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at >= 0:
            data[at + flag_offset] |= 0x1
            at = data.find(signature, at + 4)
    path = tmp_path / "encrypted.zip"
    path.write_bytes(bytes(data))
    assert codes(validate_package(path)) == {"package.encrypted"}


def test_symlink_member_is_unsafe(tmp_path: Path) -> None:
    path = package(tmp_path, "1.2")
    with zipfile.ZipFile(path, "a") as archive:
        link = zipfile.ZipInfo("shared/link")
        link.create_system = 3
        link.external_attr = 0o120777 << 16
        archive.writestr(link, "/etc/passwd")
    findings = validate_package(path)
    assert codes(findings) == {"package.unsafe_path"}
    assert "symbolic link" in findings[0].message


# -- the files the manifest lists ----------------------------------------------------------------


def test_missing_listed_file(tmp_path: Path) -> None:
    files = {k: v for k, v in FILES_12.items() if k != "shared/style.css"}
    path = write_zip(tmp_path / "missing.zip", {"imsmanifest.xml": MANIFEST_12, **files})
    findings = validate_package(path)
    assert codes(findings) == {"package.missing_file"}
    (finding,) = [f for f in findings if f.code == "package.missing_file"]
    line = MANIFEST_12.splitlines().index('      <file href="shared/style.css"/>') + 1
    assert (str(finding.path), finding.line) == ("imsmanifest.xml", line)


def test_missing_file_below_xml_base_with_an_encoded_name(tmp_path: Path) -> None:
    files = {k: v for k, v in FILES_2004.items() if k != "content/my image.png"}
    path = write_zip(tmp_path / "missing.zip", {"imsmanifest.xml": MANIFEST_2004, **files})
    findings = validate_package(path)
    (finding,) = [f for f in findings if f.level == "error"]
    assert finding.code == "package.missing_file"
    assert "my%20image.png" in finding.message


def test_missing_launch_file_hints_at_a_case_mismatch(tmp_path: Path) -> None:
    files = {("Shared/Launch.html" if k == "shared/launch.html" else k): v for k, v in FILES_12.items()}
    findings = validate_package(write_zip(tmp_path / "case.zip", {"imsmanifest.xml": MANIFEST_12, **files}))
    assert codes(findings) == {"package.missing_file"}
    assert all("Shared/Launch.html" in f.message for f in findings if f.code == "package.missing_file")
    assert codes(findings, "warning") == {"package.unlisted_file"}


def test_unlisted_file_is_a_warning(tmp_path: Path) -> None:
    findings = validate_package(package(tmp_path, "2004", **{"content/notes.txt": "draft", "content/": ""}))
    assert not has_errors(findings)
    unlisted = [f for f in findings if f.code == "package.unlisted_file"]
    assert [f.level for f in unlisted] == ["warning"]
    assert "'content/notes.txt'" in unlisted[0].message


# -- the links of the HTML pages -----------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="nb">
<head><title>Lesson</title><link rel="stylesheet" href="style.css"><link rel="icon" href="data:,"></head>
<body>
<p><a href="#main">Skip</a> <a href="page2.html">Good</a></p>
<p><a href="../other/page.html#start">Dead</a></p>
{extra}
</body>
</html>
"""


def linked_package(tmp_path: Path, extra: str = "", **files: str) -> Path:
    """The 1.2 package with ``shared/launch.html`` linking to ``page2.html`` and to a page it does not have."""
    members = {"shared/page2.html": "<!doctype html><title>Page 2</title><p><a href='launch.html'>Back</a>",
               **files}
    listed = "".join(f'<file href="{name}"/>' for name in members)
    manifest = edit(MANIFEST_12, '<file href="shared/style.css"/>', f'<file href="shared/style.css"/>{listed}')
    return package(tmp_path, "1.2", manifest, **{"shared/launch.html": PAGE.format(extra=extra), **members})


def link_findings(path: Path) -> list[tuple[str, str, str, int | None]]:
    return [(f.level, f.code, str(f.path), f.line) for f in validate_package(path)
            if f.code.startswith("package.") and f.path != path]


def test_a_link_to_a_page_the_package_does_not_have_is_an_error(tmp_path: Path) -> None:
    path = linked_package(tmp_path)
    findings = validate_package(path)
    (dead,) = [f for f in findings if f.level == "error"]
    assert dead.format() == (
        "shared/launch.html:6: error: <a href> '../other/page.html#start' points at 'other/page.html', "
        "which is not in the package [package.missing_file]"
    )
    assert codes(findings, "warning") == set()


def test_pages_are_parsed_in_memory_and_never_extracted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_extraction(*args: object, **kwargs: object) -> None:
        raise AssertionError("validate_package must not extract members")

    monkeypatch.setattr(zipfile.ZipFile, "extract", no_extraction)
    monkeypatch.setattr(zipfile.ZipFile, "extractall", no_extraction)
    assert codes(validate_package(linked_package(tmp_path))) == {"package.missing_file"}


SKIPPED = ["#top", "mailto:post@example.org", "tel:113", "data:image/png;base64,AAAA", "javascript:void(0)",
           "https://helsenorge.no/", "//example.org/x", "?lang=en", "", "page2.html?x=1#y", "%70age2.html",
           "./page2.html", "../shared/page2.html", "../imsmanifest.xml"]


@pytest.mark.parametrize("href", SKIPPED)
def test_links_that_resolve_or_leave_the_page_alone_are_not_reported(tmp_path: Path, href: str) -> None:
    path = linked_package(tmp_path, f'<p><a href="{href}">Link</a></p>')
    assert link_findings(path) == [("error", "package.missing_file", "shared/launch.html", 6)]


OUTSIDE = [
    ('<a href="../../x.html">x</a>', "leads outside the package"),
    ('<img src="/images/x.png" alt="">', "web server's root"),
    ('<a href="file:///C:/kurs/x.html">x</a>', "a file: address"),
    ('<img src="C:\\kurs\\x.png" alt="">', "a path on a Windows computer"),
]


@pytest.mark.parametrize(("element", "message"), OUTSIDE)
def test_links_that_leave_the_package_are_errors(tmp_path: Path, element: str, message: str) -> None:
    path = linked_package(tmp_path, element)
    findings = [f for f in validate_package(path) if f.code == "package.link_outside"]
    assert [(f.level, str(f.path), f.line) for f in findings] == [("error", "shared/launch.html", 7)]
    assert message in findings[0].message


def test_every_embedded_file_is_checked(tmp_path: Path) -> None:
    extra = ('<img src="img/a.png" srcset="img/a.png 1x, img/b.png 2x" alt="">\n'
             '<video src="film.mp4" poster="poster.jpg"><track src="film.vtt" kind="captions"></video>\n'
             '<audio><source src="lyd.mp3"></audio>\n<iframe src="page2.html"></iframe>\n'
             '<script src="gone.js"></script>')
    path = linked_package(tmp_path, extra, **{"shared/img/a.png": "png", "shared/film.mp4": "mp4"})
    missing = {f.message.split(" points at ")[1].split(",")[0]: f.line
               for f in validate_package(path) if f.code == "package.missing_file"}
    assert missing == {"'other/page.html'": 6, "'shared/img/b.png'": 7, "'shared/poster.jpg'": 8,
                       "'shared/film.vtt'": 8, "'shared/lyd.mp3'": 9, "'shared/gone.js'": 11}


def test_a_file_loaded_from_the_internet_is_a_warning_and_a_web_link_is_fine(tmp_path: Path) -> None:
    extra = ('<script src="https://cdn.example.org/x.js"></script>\n'
             '<a href="https://helsenorge.no/">Helsenorge</a><link rel="canonical" href="https://example.org/">')
    findings = validate_package(linked_package(tmp_path, extra))
    (remote,) = [f for f in findings if f.level == "warning"]
    assert (remote.code, str(remote.path), remote.line) == ("package.remote_file", "shared/launch.html", 7)
    assert "'https://cdn.example.org/x.js' is loaded from the internet" in remote.message


def test_a_dead_link_is_reported_once_per_page_and_hints_at_letter_case(tmp_path: Path) -> None:
    extra = '<a href="Page2.html">again</a> <a href="Page2.html">and again</a>'
    findings = [f for f in validate_package(linked_package(tmp_path, extra)) if f.code == "package.missing_file"]
    assert len(findings) == 2
    assert "the zip has 'shared/page2.html'" in findings[1].message


def test_a_page_below_a_relative_base_resolves_from_the_base(tmp_path: Path) -> None:
    page = '<html><head><base href="../shared/"></head><body><a href="page2.html">x</a></body></html>'
    listed = edit(MANIFEST_12, '<file href="shared/style.css"/>',
                  '<file href="shared/style.css"/><file href="other/index.html"/><file href="shared/page2.html"/>')
    path = package(tmp_path, "1.2", listed, **{"other/index.html": page, "shared/page2.html": "<p>2</p>"})
    assert not has_errors(validate_package(path))


# -- size limits ---------------------------------------------------------------------------------


def test_zip_bomb_ratio_is_an_error(tmp_path: Path) -> None:
    path = package(tmp_path, "1.2", **{"shared/zeros.bin": bytes(8 * 1024 * 1024)})
    findings = validate_package(path)
    assert codes(findings) == {"package.zip_bomb"}
    assert "shared/zeros.bin" in findings[0].message


def test_total_size_above_the_limit_is_an_error(tmp_path: Path) -> None:
    path = package(tmp_path, "1.2")
    assert codes(validate_package(path, max_size=100)) == {"package.too_large"}
    assert not has_errors(validate_package(path, max_size=100_000))


def test_small_repetitive_files_are_not_a_zip_bomb(tmp_path: Path) -> None:
    manifest = edit(MANIFEST_12, '<file href="shared/style.css"/>',
                    '<file href="shared/style.css"/><file href="shared/blank.bin"/>')
    path = package(tmp_path, "1.2", manifest, **{"shared/blank.bin": bytes(64 * 1024)})
    assert not has_errors(validate_package(path))


# -- helpers -------------------------------------------------------------------------------------


def test_finding_format() -> None:
    assert Diagnostic.of("error", "manifest.x", "bad", line=12).format() == "imsmanifest.xml:12: error: bad [manifest.x]"
    assert Diagnostic.of("warning", "package.y", "odd", "c.zip").format() == "c.zip: warning: odd [package.y]"


def test_has_errors() -> None:
    assert not has_errors([Diagnostic.of("warning", "a", "b"), Diagnostic.of("info", "c", "d")])
    assert has_errors([Diagnostic.of("info", "c", "d"), Diagnostic.of("error", "a", "b")])


def test_package_files_are_not_left_behind(tmp_path: Path) -> None:
    before = set(os.listdir(tmp_path))
    validate_package(package(tmp_path, "2004"), schemas=SCHEMAS if SCHEMAS.is_dir() else None)
    assert set(os.listdir(tmp_path)) - before == {"course-2004.zip"}
