"""Each target's typed options, made from the build's keyword arguments (the command line's options)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from learnpack.build import build, target_options
from learnpack.errors import LearnpackError
from learnpack.targets import TARGETS
from learnpack.targets._scorm import ScormOptions
from learnpack.targets.base import BuildSettings
from learnpack.targets.html import HtmlOptions
from learnpack.targets.scorm12 import Scorm12Target
from learnpack.targets.scorm2004 import Scorm2004Target


@pytest.mark.parametrize("name", list(TARGETS))
def test_a_target_declares_its_name_and_frozen_options(name: str) -> None:
    target = TARGETS[name]
    assert target.name == name
    options = target.configure(BuildSettings())
    assert dataclasses.is_dataclass(options)
    for field in dataclasses.fields(options):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(options, field.name, None)


def test_the_defaults() -> None:
    assert target_options(BuildSettings()) == {
        "html": HtmlOptions(),
        "scorm12": ScormOptions(suspend_limit=4096),  # the SCORM 1.2 standard's
        "scorm2004": ScormOptions(suspend_limit=64000),
    }


def test_the_settings_map_onto_each_targets_options(tmp_path: Path) -> None:
    settings = BuildSettings(split="modules", multilingual=True, schemas=tmp_path, scorm12_suspend_limit=10000)
    options = target_options(settings)
    assert options["html"] == HtmlOptions()
    assert options["scorm12"] == ScormOptions(suspend_limit=10000, split="modules", multilingual=True, schemas=tmp_path)
    assert options["scorm2004"] == ScormOptions(suspend_limit=64000, split="modules", multilingual=True,
                                                schemas=tmp_path)  # the limit is SCORM 1.2's only
    assert Scorm12Target.configure(BuildSettings(scorm12_suspend_limit=64000)).suspend_limit == 64000
    assert Scorm2004Target.configure(BuildSettings(scorm12_suspend_limit=4096)).suspend_limit == 64000


@pytest.mark.parametrize(("settings", "message"), [
    (BuildSettings(scorm12_suspend_limit=4095), "--scorm12-suspend-limit 4095: must be from 4096 (the SCORM 1.2 "
                                                "standard) to 64000 (what Moodle keeps with SCORM 1.2 standard mode off)"),
    (BuildSettings(scorm12_suspend_limit=64001), "--scorm12-suspend-limit 64001: must be from 4096"),
    (BuildSettings(split="pages"), "--split pages: the only way to split a course is 'modules'"),
    (BuildSettings(schemas=Path("no-such-folder")), "--schemas no-such-folder: no such folder"),
])
def test_a_bad_option_is_refused_before_the_course_is_read(tmp_path: Path, settings: BuildSettings,
                                                           message: str) -> None:
    with pytest.raises(LearnpackError) as caught:
        target_options(settings)
    assert caught.value.message.startswith(message)
    with pytest.raises(LearnpackError) as caught:  # whatever the targets: the HTML site ignores them
        build(tmp_path / "no-such-course", ["html"], tmp_path / "out", **dataclasses.asdict(settings))
    assert caught.value.message.startswith(message)
    assert not (tmp_path / "out").exists()
