"""Where a course's files are in a built site, and the URLs its pages use to reach them.

The loader records what a page refers to as source paths (:class:`~learnpack.model.Reference`);
only the targets know the site's layout: pages at ``<language>/<module>/<page>.html``, two
folders below the site, and every media file once, in one ``media/`` tree for all languages.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..model import Reference

MEDIA_FOLDER = "media"


@dataclass(frozen=True, slots=True)
class SiteUrls:
    """URLs in the site of the course at ``root``."""

    root: Path

    def media_path(self, target: Path) -> str:
        """A media file's path in the site: ``media/01-intro/bilde.svg``."""
        return f"{MEDIA_FOLDER}/{target.relative_to(self.root).as_posix()}"

    def href(self, reference: Reference, page: Path) -> str:
        """The URL of ``reference`` from the page written from the source file ``page``."""
        if reference.target.suffix == ".md":
            url = Path(os.path.relpath(reference.target.with_suffix(".html"), page.parent)).as_posix()
        else:
            url = "../../" + self.media_path(reference.target)
        return url + reference.fragment
