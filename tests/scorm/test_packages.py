"""SCORM packages: manifests valid against ADL's schemas, file lists, limits, determinism."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from learnpack import runtime
from learnpack.build import build
from learnpack.errors import CourseError
from learnpack.loader import load_course
from learnpack.scorm.suspend import KEY_WIDTH, LIMITS, assign_keys, worst_case_length
from support.courses import REPO, ROOTS, SCHEMAS, write_course

needs_schemas = pytest.mark.skipif(not SCHEMAS.is_dir(), reason=f"ADL schemas not found at {SCHEMAS}")
XSD = {"scorm12": "scorm12/manifest.xsd", "scorm2004": "scorm2004-4th/manifest.xsd"}
NS = {
    "scorm12": {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"},
    "scorm2004": {"cp": "http://www.imsglobal.org/xsd/imscp_v1p1", "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
                  "imsss": "http://www.imsglobal.org/xsd/imsss", "lom": "http://ltsc.ieee.org/xsd/LOM"},
}


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = build(ROOTS / "basic", ["scorm12", "scorm2004"], tmp_path_factory.mktemp("out")).out
    return {target: next((out / target).glob("*.zip")) for target in ("scorm12", "scorm2004")}


def manifest(package: Path) -> etree._ElementTree:
    with zipfile.ZipFile(package) as archive:
        return etree.fromstring(archive.read("imsmanifest.xml")).getroottree()


@needs_schemas
@pytest.mark.parametrize("target", ["scorm12", "scorm2004"])
def test_manifest_is_valid_against_adl_schemas(packages: dict[str, Path], target: str) -> None:
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / XSD[target])))
    assert schema.validate(manifest(packages[target])), schema.error_log


def test_package_names(packages: dict[str, Path]) -> None:
    assert packages["scorm12"].name == "basic-1.0.0-nb-scorm12.zip"
    assert packages["scorm2004"].name == "basic-1.0.0-nb-scorm2004.zip"


@pytest.mark.parametrize("target", ["scorm12", "scorm2004"])
def test_manifest_semantics(packages: dict[str, Path], target: str) -> None:
    doc = manifest(packages[target])
    ns = NS[target]
    root = doc.getroot()
    assert root.xpath("cp:metadata/cp:schema/text()", namespaces=ns) == ["ADL SCORM"]
    version = root.xpath("cp:metadata/cp:schemaversion/text()", namespaces=ns)
    assert version == (["1.2"] if target == "scorm12" else ["2004 4th Edition"])
    assert root.get("identifier") == "learnpack.basic.1.0.0.nb"
    default = root.xpath("cp:organizations/@default", namespaces=ns)[0]
    assert root.xpath(f"cp:organizations/cp:organization[@identifier='{default}']", namespaces=ns)
    (item,) = root.xpath("//cp:item", namespaces=ns)
    (resource,) = root.xpath(f"//cp:resource[@identifier='{item.get('identifierref')}']", namespaces=ns)
    attribute = "scormtype" if target == "scorm12" else "scormType"
    assert resource.get(f"{{{ns['adlcp']}}}{attribute}") == "sco"
    assert resource.get("href") == "sco.html"
    # Literal prefixes, because Moodle reads the manifest without namespaces.
    text = etree.tostring(root).decode()
    assert "adlcp:" + attribute + '="sco"' in text
    with zipfile.ZipFile(packages[target]) as archive:
        names = sorted(n for n in archive.namelist() if n != "imsmanifest.xml")
    assert sorted(resource.xpath("cp:file/@href", namespaces=ns)) == names
    if target == "scorm12":
        assert item.xpath("adlcp:masteryscore/text()", namespaces=ns) == ["50"]
        assert "metadata.xml" in names
    else:
        assert item.xpath(".//imsss:minNormalizedMeasure/text()", namespaces=ns) == ["0.5"]
        assert item.xpath(".//imsss:primaryObjective/@satisfiedByMeasure", namespaces=ns) == ["true"]
        threshold = item.xpath("adlcp:completionThreshold", namespaces=ns)[0]
        assert threshold.get("completedByMeasure") == "true" and threshold.get("minProgressMeasure") == "1.0"
        assert root.xpath("//lom:general/lom:title/lom:string/text()", namespaces=ns) == ["Basic course"]
        assert root.xpath("//lom:general/lom:language/text()", namespaces=ns) == ["nb"]


def test_two_builds_give_byte_identical_zips(tmp_path: Path) -> None:
    def digests(out: Path) -> dict[str, str]:
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.rglob("*.zip"))}

    first = build(ROOTS / "basic", ["scorm12", "scorm2004"], tmp_path / "a").out
    second = build(ROOTS / "basic", ["scorm12", "scorm2004"], tmp_path / "b").out
    assert len(digests(first)) == 2 and digests(first) == digests(second)


def test_split_modules_writes_one_package_per_module(tmp_path: Path) -> None:
    out = build(ROOTS / "basic", ["scorm2004"], tmp_path, split="modules").out
    names = sorted(p.name for p in (out / "scorm2004").glob("*.zip"))
    assert names == ["basic-1.0.0-nb-01-intro-scorm2004.zip", "basic-1.0.0-nb-02-quiz-scorm2004.zip"]
    intro = manifest(out / "scorm2004" / names[0]).getroot()
    ns = NS["scorm2004"]
    assert not intro.xpath("//imsss:sequencing", namespaces=ns)  # no quiz: nothing to pass
    with zipfile.ZipFile(out / "scorm2004" / names[0]) as archive:
        assert "nb/02-quiz/01-sporsmal.html" not in archive.namelist()
        assert "nb/01-intro/01-velkommen.html" in archive.namelist()
        assert "media/01-intro/img/sirkel.svg" in archive.namelist()


@needs_schemas
def test_schemas_option_copies_adl_files_into_the_package(tmp_path: Path) -> None:
    out = build(ROOTS / "basic", ["scorm2004"], tmp_path, schemas=SCHEMAS).out
    with zipfile.ZipFile(next((out / "scorm2004").glob("*.zip"))) as archive:
        names = set(archive.namelist())
    assert {"imscp_v1p1.xsd", "adlcp_v1p3.xsd", "imsss_v1p0.xsd", "lom.xsd", "common/anyElement.xsd"} <= names
    assert "manifest.xsd" not in names  # our wrapper is not an ADL file
    from learnpack.validate.package import validate_package

    assert validate_package(next((out / "scorm2004").glob("*.zip")), SCHEMAS) == []


def test_json_report_lists_each_zip(tmp_path: Path) -> None:
    report = build(ROOTS / "basic", ["html", "scorm12"], tmp_path).to_json()
    zips = [f for f in report["files"] if f["target"] == "scorm12"]  # type: ignore[union-attr,index]
    assert zips == [{"target": "scorm12", "language": "nb",
                     "path": str(tmp_path.resolve() / "scorm12" / "basic-1.0.0-nb-scorm12.zip")}]


def many_questions(count: int, kind: str = "choice") -> dict[str, str]:
    pages = {}
    per_page = 10
    for page in range(count // per_page):
        body = [f"# Side {page}\n\n::: quiz {{#quiz-{page}}}\n"]
        for n in range(per_page):
            qid = f"sporsmal-{page}-{n}"
            if kind == "choice":
                body.append(f"### Spørsmål {page}.{n} {{#{qid}}}\n- ( ) Nei\n- (x) Ja\n- ( ) Kanskje\n- ( ) Vet ikke\n\n")
            else:
                body.append(f"### Tanke {page}.{n} {{#{qid} type=reflection}}\n\n")
        body.append(":::\n")
        pages[f"{page // 10 + 1:02d}-modul/{page % 10 + 1:02d}-side.md"] = "".join(body)
    return pages


def test_a_course_with_300_questions_fits_scorm12(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", many_questions(300))
    course = load_course(root)
    assert sum(len(q.questions) for q in course.quizzes) == 300
    assert worst_case_length(course) <= LIMITS["scorm12"]
    build(root, ["scorm12"], tmp_path / "out")


MIXED = {
    "single": "- ( ) Nei\n- (x) Ja\n- ( ) Kanskje\n- ( ) Vet ikke\n",
    "multiple": "- [x] A\n- [x] B\n- [ ] C\n- [ ] D\n",
    "truefalse": "= true\n",
    "text": "= bradykardi\n",
    "numeric": "= 60..100\n",
    "ordering": "1. Først\n2. Så\n3. Til slutt\n4. Sist\n",
    "matching": "- Puls -> slag/min\n- Temperatur -> °C\n- Blodtrykk -> mmHg\n",
    "reflection": "",
}


def mixed_questions(count: int, per_page: int = 10) -> dict[str, str]:
    """``count`` questions of every kind in turn, ``per_page`` in each page's quiz."""
    pages = {}
    kinds = list(MIXED)
    for page in range(count // per_page):
        body = [f"# Side {page}\n\n::: quiz {{#quiz-{page}}}\n"]
        for n in range(per_page):
            number = page * per_page + n
            kind = kinds[number % len(kinds)]
            extra = " type=reflection" if kind == "reflection" else ""
            body.append(f"### Spørsmål {number} {{#q-{number}{extra}}}\n{MIXED[kind]}\n")
        body.append(":::\n")
        pages[f"{page // 5 + 1:02d}-modul/{page % 5 + 1:02d}-side.md"] = "".join(body)
    return pages


COURSE_YML = "id: t\ntitle: T\nversion: 1.0.0\nlanguage: nb\n"


def test_100_mixed_questions_fit_scorm12_with_free_text_capped(tmp_path: Path) -> None:
    capped = write_course(tmp_path / "capped", mixed_questions(100),
                          COURSE_YML + "answer_length: {text: 60, reflection: 150}\n")
    course = load_course(capped)
    assert sum(len(q.questions) for q in course.quizzes) == 100
    assert {q.kind.value for quiz in course.quizzes for q in quiz.questions} == set(MIXED)
    assert worst_case_length(course) <= LIMITS["scorm12"]
    build(capped, ["scorm12"], tmp_path / "out")
    # At the default caps (reflections of 250 characters) the same course does not fit, and the build says by how much.
    uncapped = write_course(tmp_path / "uncapped", mixed_questions(100))
    size = worst_case_length(load_course(uncapped))
    with pytest.raises(CourseError) as caught:
        build(uncapped, ["scorm12"], tmp_path / "out2")
    (problem,) = caught.value.diagnostics
    assert problem.code == "scorm.suspend_data_limit"
    assert str(size) in problem.message and "4096" in problem.message


def test_answer_length_caps_reach_the_fields(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", mixed_questions(10), COURSE_YML + "answer_length: {text: 30, reflection: 90}\n")
    out = build(root, ["html"], tmp_path / "out").out / "html"
    page = (out / "nb" / "01-modul" / "01-side.html").read_text(encoding="utf-8")
    assert 'id="q-q-3-input" name="q-q-3" autocomplete="off" autocapitalize="off" spellcheck="false" maxlength="30"' in page
    assert 'maxlength="24" inputmode="decimal"' in page
    assert 'rows="5" maxlength="90"' in page


def test_answer_length_out_of_range_is_a_config_error(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", mixed_questions(10), COURSE_YML + "answer_length: {text: 0, essay: 5}\n")
    with pytest.raises(CourseError) as caught:
        load_course(root)
    (problem,) = caught.value.diagnostics
    assert problem.path.name == "course.yml" and problem.line == 5 and "answer_length" in problem.message


def test_a_course_that_cannot_fit_suspend_data_fails_to_build(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", many_questions(20, kind="reflection"))
    with pytest.raises(CourseError) as caught:
        build(root, ["scorm12"], tmp_path / "out")
    (problem,) = caught.value.diagnostics
    assert problem.code == "scorm.suspend_data_limit" and problem.path.name == "course.yml"
    assert "more than the 4096" in problem.message
    assert not (tmp_path / "out" / "scorm12").exists()
    build(root, ["scorm2004"], tmp_path / "out")  # 64000 characters hold it


def test_the_refusal_gives_the_numbers_and_every_way_out(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", many_questions(20, kind="reflection"))
    size = worst_case_length(load_course(root))
    with pytest.raises(CourseError) as caught:
        build(root, ["scorm12"], tmp_path / "out")
    message = caught.value.diagnostics[0].message
    assert f"can reach {size} characters, more than the 4096 that scorm12 suspend_data holds" in message
    for way in ("answer_length", "--split modules", "--target scorm2004", "--scorm12-suspend-limit 64000",
                "scorm12standard"):
        assert way in message


def test_scorm12_suspend_limit_changes_the_budget(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", many_questions(20, kind="reflection"))
    size = worst_case_length(load_course(root))
    assert LIMITS["scorm12"] < size < 64000
    with pytest.raises(CourseError):
        build(root, ["scorm12"], tmp_path / "out", scorm12_suspend_limit=size - 1)
    report = build(root, ["scorm12"], tmp_path / "out", scorm12_suspend_limit=size)
    assert [d.code for d in report.diagnostics] == []


def scorm_facts(package: Path) -> dict[str, object]:
    """What the build tells the runtime of its SCORM version (assets/scorm-version.js)."""
    with zipfile.ZipFile(package) as archive:
        script = archive.read("assets/scorm-version.js").decode()
    return json.loads(script.split("window.LEARNPACK_SCORM = ", 1)[1].rstrip().rstrip(";"))


def test_the_build_tells_the_runtime_its_version_facts(tmp_path: Path) -> None:
    from learnpack.scorm.versions import SCORM12, SCORM2004

    standard = build(ROOTS / "basic", ["scorm12", "scorm2004"], tmp_path / "a").out
    twelve = scorm_facts(next((standard / "scorm12").glob("*.zip")))
    assert twelve == {"name": "1.2", "api": "API", "suspendLimit": 4096, "locationLimit": 255,
                      "names": SCORM12.elements, "interactionLimits": {"response": 255, "patterns": 5}}
    assert scorm_facts(next((standard / "scorm2004").glob("*.zip")))["names"] == SCORM2004.elements
    assert scorm_facts(next((standard / "scorm2004").glob("*.zip")))["suspendLimit"] == 64000
    raised = build(ROOTS / "basic", ["scorm12", "scorm2004"], tmp_path / "b", scorm12_suspend_limit=64000).out
    assert scorm_facts(next((raised / "scorm12").glob("*.zip")))["suspendLimit"] == 64000
    with zipfile.ZipFile(next((raised / "scorm12").glob("*.zip"))) as archive:
        assert '<script src="assets/scorm-version.js" defer></script>' in archive.read("sco.html").decode()


@pytest.mark.parametrize("limit", [4095, 64001, 0])
def test_a_suspend_limit_out_of_range_is_refused(tmp_path: Path, limit: int) -> None:
    from click.testing import CliRunner

    from learnpack.cli import main
    from learnpack.errors import LearnpackError

    with pytest.raises(LearnpackError, match=r"--scorm12-suspend-limit .*must be from 4096 .* to 64000"):
        build(ROOTS / "basic", ["scorm12"], tmp_path / "out", scorm12_suspend_limit=limit)
    for command in ("build", "check"):
        result = CliRunner().invoke(main, [command, str(ROOTS / "basic"), "-t", "scorm12",
                                           "--scorm12-suspend-limit", str(limit)])
        assert result.exit_code == 2 and "4096<=x<=64000" in result.output, result.output
    assert not (tmp_path / "out").exists()


def test_interaction_ids_that_collide_are_a_build_error(tmp_path: Path) -> None:
    quiz = "# P\n\n::: quiz {#q}\n### A {#puls-normal}\n= true\n\n### B {#puls_normal}\n= false\n:::\n"
    root = write_course(tmp_path / "c", {"01-m/01-p.md": quiz})
    with pytest.raises(CourseError) as caught:
        build(root, ["scorm2004"], tmp_path / "out")
    (problem,) = caught.value.diagnostics
    assert (problem.code, problem.path.name, problem.line) == ("scorm.id_collision", "01-p.md", 7)


def test_state_keys_are_stable_and_unique() -> None:
    ids = [f"sporsmal-{n}" for n in range(2000)]
    keys = assign_keys(ids)
    assert len(set(keys.values())) == 2000 and all(len(k) == KEY_WIDTH for k in keys.values())
    assert assign_keys(ids[:10]) == {i: keys[i] for i in ids[:10]}
    # Adding ids elsewhere leaves the keys of ids that did not collide unchanged.
    again = assign_keys(["ny-side", *ids[:50]])
    assert sum(again[i] != keys[i] for i in ids[:50]) <= 1


@needs_schemas
@pytest.mark.parametrize("target", ["scorm12", "scorm2004"])
def test_our_packages_pass_validate_without_findings(packages: dict[str, Path], target: str) -> None:
    from learnpack.validate.package import validate_package

    assert validate_package(packages[target], SCHEMAS) == []


def test_validate_command(packages: dict[str, Path], tmp_path: Path) -> None:
    from click.testing import CliRunner

    from learnpack.cli import main

    runner = CliRunner()
    good = runner.invoke(main, ["validate", str(packages["scorm12"])])
    assert good.exit_code == 0 and "0 errors" in good.output
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    bad = runner.invoke(main, ["validate", str(broken)])
    assert bad.exit_code == 1 and "[package.not_zip]" in bad.output and "Traceback" not in bad.output


@needs_schemas
def test_multilingual_manifest_declares_every_language(tmp_path: Path) -> None:
    out = build(ROOTS / "multilang", ["scorm2004", "scorm12"], tmp_path, multilingual=True).out
    package = next((out / "scorm2004").glob("*.zip"))
    doc = manifest(package)
    assert etree.XMLSchema(etree.parse(str(SCHEMAS / XSD["scorm2004"]))).validate(doc)
    ns = NS["scorm2004"]
    assert doc.getroot().xpath("//lom:general/lom:language/text()", namespaces=ns) == ["nb", "en", "nn", "se", "ar"]
    assert doc.getroot().get("identifier") == "learnpack.multilang.1.0.0.mul"
    from learnpack.validate.package import validate_package

    for zip_path in out.rglob("*.zip"):
        assert validate_package(zip_path, SCHEMAS) == [], zip_path.name


def test_the_runtime_and_the_build_agree_on_the_state_format() -> None:
    """suspend.js writes what suspend.py budgets for: the same format, alphabet and text lengths."""
    import re

    from learnpack.scorm import suspend

    script = (REPO / "src" / "learnpack" / "runtime" / "scorm" / "suspend.js").read_text()
    assert re.search(r'var VERSION = "(\w+)"', script).group(1) == suspend.FORMAT_VERSION  # type: ignore[union-attr]
    assert re.search(r'var ALPHABET = "([^"]+)"', script).group(1) == suspend.ALPHABET  # type: ignore[union-attr]
    assert re.search(r"var SHORT_TEXT = (\d+)", script).group(1) == str(suspend.SHORT_TEXT)  # type: ignore[union-attr]
    # The choice ids come from the build (course.js), never typed in the runtime.
    assert all(suspend.CHOICE_IDS not in path.read_text(encoding="utf-8") for path in runtime.files().values())
