"""Every diagnostic code learnpack reports, with its level and one line of help.

This table is the one place that lists them: ``docs/checks.md`` is generated from it
(``python -m learnpack.codes > docs/checks.md``), and a test checks that the two agree and
that every code the source reports is here.
"""

from __future__ import annotations

import sys
from typing import NamedTuple


class Code(NamedTuple):
    level: str  # error, warning or info: how it is reported where nothing else is said
    help: str  # what it means and what to do, in one line


# What course checks (check, build) report about an author's files.
COURSE = {
    "config.missing": Code("error", "`course.yml` is missing: create it (see the authoring guide)."),
    "config.encoding": Code("error", "`course.yml` or `module.yml` is not UTF-8 text: save it as UTF-8."),
    "yaml.syntax": Code("error", "The YAML cannot be read: check colons, quotes and brackets on the line given."),
    "yaml.not_mapping": Code("error", "The file is not `key: value` lines: write one `key: value` per line."),
    "config.unknown_key": Code("error", "A key learnpack does not know: use the suggested one."),
    "config.missing_key": Code("error", "A required key is missing: add it."),
    "config.invalid": Code("error", "A value is wrong (language code, pass mark, answer length …): follow the "
                           "message."),
    "course.missing": Code("error", "The course folder does not exist: check the path."),
    "course.no_modules": Code("error", "No module folders: add `01-…/` with pages."),
    "module.empty": Code("warning", "A module folder has no pages: add pages or remove it."),
    "page.encoding": Code("error", "A page is not UTF-8 text: save it as UTF-8."),
    "path.unsafe_name": Code("error", "A file or folder name has spaces or special letters: rename it."),
    "path.absolute": Code("error", "A path starts with `/` or a drive: write it relative to the page."),
    "path.outside": Code("error", "A path leaves the course folder: copy the file into the course."),
    "link.missing": Code("error", "A linked page or file does not exist: fix the path."),
    "link.scheme": Code("error", "A link learners cannot open (`javascript:`, `file:` …): use https, mailto or tel."),
    "link.fragment": Code("error", "A link to `#id` the page does not have in this language: use an id the message "
                          "suggests, or give the heading that id with `{#id}`."),
    "heading.invalid_id": Code("error", "A heading's `{#…}` is not an id: letters, digits, `-`, `_`, starting with a "
                               "letter."),
    "heading.duplicate_id": Code("error", "Two headings share an id, or a heading has the id of a question or of the "
                                 "page: give one another `{#id}`."),
    "media.missing": Code("error", "An image or media file does not exist: fix the path."),
    "media.remote": Code("error", "An image or media file from the internet: save it in the course folder."),
    "media.no_captions": Code("warning", "A video without a `.vtt` caption file beside it: add captions."),
    "media.captions_invalid": Code("error", "A `.vtt` caption file browsers cannot read in full (no `WEBVTT` line, "
                                   "a cue timing missing or wrong): fix the line given."),
    "media.captions_twice": Code("warning", "Two caption files in one language (`film.vtt` and `film.nb.vtt` in a "
                                 "bokmål course): remove one."),
    "media.unlisted_language": Code("warning", "An image for a language not in `languages` (`bilde.ar.svg`): add the "
                                    "language, or rename the file."),
    "quiz.unclosed": Code("error", "`::: quiz` without a closing `:::`: add `:::` on its own line."),
    "quiz.attrs": Code("error", "Settings in `{ }` cannot be read: write them like `{#id pass=80}`."),
    "quiz.unknown_setting": Code("error", "An unknown quiz or question setting: use the suggested one."),
    "quiz.setting": Code("error", "A setting has a bad value, e.g. `pass` must be 0–100."),
    "quiz.empty": Code("error", "A quiz has no `###` questions: add questions."),
    "quiz.empty_question": Code("error", "`###` with no text: write the question."),
    "quiz.no_answers": Code("error", "A question has no answer lines: add options or `=` answers, or "
                            "`type=reflection`."),
    "quiz.no_correct": Code("error", "No option is marked right: mark one with `(x)` or `[x]`."),
    "quiz.single_many_correct": Code("error", "`(x)` on more than one option: mark one, or use `[ ]`/`[x]`."),
    "quiz.mixed_markers": Code("error", "`( )` and `[ ]` in one question: use one kind."),
    "quiz.mixed_answers": Code("error", "Different kinds of answer lines in one question: use one kind."),
    "quiz.too_few_options": Code("error", "Fewer than two options, items or pairs: add more."),
    "quiz.too_many_options": Code("error", "More than 36 options: split the question."),
    "quiz.empty_option": Code("error", "An option with no text: write it or remove the line."),
    "quiz.empty_answer": Code("error", "An answer with no text: write it or remove the line."),
    "quiz.truefalse": Code("error", "A true/false question needs exactly `= true` or `= false`."),
    "quiz.numeric_invalid": Code("error", "A number answer that is not a number, or a range from high to low: write "
                                 "`72`, `37 ± 0.5` or `12..20`."),
    "quiz.unknown_type": Code("error", "Unknown `type=`: use a type from the authoring guide."),
    "quiz.invalid_id": Code("error", "An id with spaces or other characters, or starting with a digit."),
    "quiz.duplicate_id": Code("error", "The same quiz or question id twice in the course: give each its own."),
    "quiz.draw": Code("error", "`draw` is larger than the number of questions: lower it."),
    "quiz.stray_text": Code("error", "Text after the answers of a question: move it above them, or into a feedback."),
    "quiz.duplicate_feedback": Code("warning", "Two feedback lines of the same kind: keep one."),
    "quiz.reflection_answers": Code("warning", "Answer lines in a reflection question: remove them."),
    "i18n.mismatch": Code("error", "A translation's quiz or headings differ from the source's: make the structure "
                          "the same as in the file named."),
    "i18n.outdated": Code("warning", "The source page changed after it was translated: update the translation, then "
                          "`learnpack i18n stamp`."),
    "i18n.unlisted_language": Code("error", "A `page.<lang>.md` for a language not in `languages`: add it there, or "
                                   "rename the file."),
}

# What the SCORM targets add (check -t, build): problems an LMS would have with the course.
TARGETS = {
    "scorm.invalid_id": Code("error", "An interaction id Moodle rejects: letters, digits, `_` and `.` only."),
    "scorm.id_collision": Code("error", "Two question ids that become the same interaction id (`a-b`, `a_b`): rename "
                               "one."),
    "scorm.suspend_data_limit": Code("error", "The learner state can grow past what the LMS keeps (the numbers are in "
                                     "the message): lower `answer_length`, `--split modules`, SCORM 2004, or "
                                     "`--scorm12-suspend-limit`."),
    "scorm.split_link": Code("warning", "With `--split modules`, a link to another module's page becomes text naming "
                             "the module."),
}

# What `learnpack i18n import` reports about an exchange file.
IMPORT = {
    "i18n.import_syntax": Code("error", "The XLIFF or PO file cannot be read."),
    "i18n.import_course": Code("error", "The file is for another course."),
    "i18n.import_language": Code("error", "The file's language is not a translation language of the course."),
    "i18n.import_page": Code("error", "The file names a page the course does not have."),
    "i18n.placeholders": Code("error", "A translation lost or reordered the placeholders of its source."),
    "i18n.import_answer": Code("error", "A translated text answer would be read as a number or true/false."),
    "i18n.import_unaligned": Code("error", "A hand-written translation cannot be aligned with its source: bring it "
                                  "up to date and `i18n stamp` it, or remove it."),
    "i18n.import_invalid": Code("error", "With this translation a page would fail its check (the message says why)."),
    "i18n.import_stale": Code("warning", "The source text changed since export: the translation is not applied."),
}

# What `learnpack validate` reports about any SCORM zip.
PACKAGE = {
    "package.not_found": Code("error", "The package file does not exist."),
    "package.not_zip": Code("error", "Not a readable zip file."),
    "package.corrupt": Code("error", "A member fails its checksum: the zip is damaged."),
    "package.encrypted": Code("error", "A member is encrypted: LMSs cannot read it."),
    "package.unsafe_path": Code("error", "A member name that could write outside a folder (`../`, absolute, links)."),
    "package.duplicate_member": Code("warning", "The same member name twice in the zip."),
    "package.too_large": Code("error", "The package is larger than the limit."),
    "package.zip_bomb": Code("error", "A member expands suspiciously much."),
    "package.manifest_missing": Code("error", "No `imsmanifest.xml` in the zip."),
    "package.manifest_in_subfolder": Code("error", "`imsmanifest.xml` is in a subfolder: zip the folder's contents."),
    "package.unlisted_file": Code("warning", "A file in the zip that the manifest does not list."),
    "package.missing_file": Code("error", "A file the manifest or a page refers to is not in the zip."),
    "package.link_outside": Code("error", "A page refers to a path outside the package."),
    "package.remote_file": Code("warning", "A page loads a file from the internet."),
    "package.page_unreadable": Code("warning", "A page cannot be read as HTML."),
    "manifest.not_xml": Code("error", "The manifest is not well-formed XML."),
    "manifest.root": Code("error", "The manifest's root is not `<manifest>`."),
    "manifest.namespace": Code("error", "The manifest is not in the IMS content packaging namespace."),
    "manifest.version_unknown": Code("error", "Neither SCORM 1.2 nor 2004 could be recognised."),
    "manifest.metadata_missing": Code("error", "No `<metadata>` with the schema and version."),
    "manifest.schema": Code("error", "`<schema>` is not `ADL SCORM`."),
    "manifest.schema_missing": Code("error", "No `<schema>`."),
    "manifest.schemaversion": Code("error", "`<schemaversion>` is not exactly `1.2` or `2004 4th Edition`."),
    "manifest.schemaversion_missing": Code("error", "No `<schemaversion>`."),
    "manifest.not_4th_edition": Code("warning", "An older SCORM 2004 edition."),
    "manifest.organizations_missing": Code("error", "No `<organizations>`."),
    "manifest.no_organization": Code("warning", "`<organizations>` holds no organization."),
    "manifest.default_missing": Code("error", "`<organizations>` names no default organization."),
    "manifest.default_dangling": Code("error", "The default organization does not exist."),
    "manifest.resources_missing": Code("error", "No `<resources>`."),
    "manifest.identifier_missing": Code("error", "An element without its `identifier`."),
    "manifest.identifier_invalid": Code("error", "An identifier that is not a valid XML id."),
    "manifest.duplicate_id": Code("error", "Two elements with one identifier."),
    "manifest.identifierref_dangling": Code("error", "An `identifierref` that names no resource."),
    "manifest.dependency_dangling": Code("error", "A dependency that names no resource."),
    "manifest.leaf_without_ref": Code("error", "A leaf item that points to no resource."),
    "manifest.parent_with_ref": Code("error", "A parent item that points to a resource."),
    "manifest.launch_without_href": Code("error", "A launched resource without an `href`."),
    "manifest.unsafe_href": Code("error", "An `href` that is absolute, uses backslashes or leaves the package."),
    "manifest.scormtype_missing": Code("error", "A resource without the SCORM type attribute."),
    "manifest.scormtype_case": Code("error", "`scormtype`/`scormType` spelled for the other SCORM version."),
    "manifest.scormtype_namespace": Code("error", "The SCORM type attribute is not in the adlcp namespace."),
    "manifest.scormtype_value": Code("error", "The SCORM type is neither `sco` nor `asset`."),
    "manifest.adlcp_namespace": Code("error", "The adlcp namespace of the other SCORM version."),
    "manifest.ns_prefix": Code("warning", "A namespace prefix other than the literal one Moodle expects."),
    "manifest.masteryscore": Code("error", "`adlcp:masteryscore` outside 0–100."),
    "manifest.min_normalized_measure": Code("error", "`minNormalizedMeasure` outside -1–1."),
    "manifest.min_progress_measure": Code("error", "`minProgressMeasure` outside 0–1."),
    "xsd.invalid": Code("error", "The manifest does not validate against ADL's schemas."),
    "xsd.not_found": Code("error", "`--schemas` holds no `manifest.xsd` for this version."),
    "xsd.schema_error": Code("error", "ADL's schema files in `--schemas` cannot be read."),
    "xsd.not_checked": Code("info", "The schemas were not checked (no `--schemas`)."),
}

# What `learnpack validate NEW --previous OLD` says about replacing a package in an LMS.
UPDATE = {
    "update.tracks_kept": Code("info", "Every item of the old package is in the new one: learners keep their tracks."),
    "update.tracks_lost": Code("warning", "An item's identifier changed or it was removed: the LMS drops its tracks."),
    "update.item_added": Code("info", "An item that the old package did not have."),
    "update.version_changed": Code("error", "SCORM 1.2 replaced by 2004 or the other way round."),
    "update.answers_dropped": Code("warning", "A quiz's questions changed: learners answer it again on resume."),
    "update.answers_kept": Code("info", "A quiz is unchanged: learners keep their saved answers."),
    "update.state_dropped": Code("warning", "The packages save learner state in different formats."),
    "update.page_added": Code("info", "A new page: unread for every learner."),
    "update.page_removed": Code("info", "A removed page drops out of learners' progress."),
    "update.page_reset": Code("info", "A page saved under another key: learners see it as unread."),
    "update.quiz_added": Code("info", "A new quiz."),
    "update.quiz_removed": Code("info", "A removed quiz: its saved answers drop out."),
    "update.not_learnpack": Code("info", "Not a learnpack package: only the manifests are compared."),
    "update.not_compared": Code("info", "The new package cannot be read, so nothing was compared."),
    "update.previous_unreadable": Code("error", "The previous package cannot be read."),
}

GROUPS = {
    "Course checks (`check`, `build`)": COURSE,
    "SCORM targets (`check -t`, `build`)": TARGETS,
    "Translation import (`i18n import`)": IMPORT,
    "Package checks (`validate`)": PACKAGE,
    "Package updates (`validate --previous`)": UPDATE,
}
CODES: dict[str, Code] = {code: entry for group in GROUPS.values() for code, entry in group.items()}


def render_markdown() -> str:
    """``docs/checks.md``: every code, by what reports it."""
    lines = ["# Checks and their codes", "",
             "<!-- Generated from src/learnpack/codes.py by `python -m learnpack.codes > docs/checks.md`. -->", "",
             "Every problem is reported as `file:line: level: message [code]`. Errors stop a build or an "
             "import and nothing is written; warnings do not, unless you use `--strict`.", ""]
    for title, group in GROUPS.items():
        lines += [f"## {title}", "", "| code | level | what it means, what to do |", "|---|---|---|"]
        lines += [f"| `{code}` | {entry.level} | {entry.help} |" for code, entry in group.items()]
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - the docs generator
    sys.stdout.write(render_markdown())
