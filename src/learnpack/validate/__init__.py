"""Checking any SCORM package, ours or anyone's, without unpacking it.

``package`` reads the zip safely and runs the checks, ``manifest`` checks
``imsmanifest.xml``, ``links`` the pages' references, and ``update`` compares a package
with the one it replaces in an LMS. Building our own packages is ``learnpack.scorm``'s job.
"""

from __future__ import annotations

from .package import has_errors, validate_package
from .update import compare_packages

__all__ = ["compare_packages", "has_errors", "validate_package"]
