"""learnpack: Markdown course modules with quizzes to HTML courses and SCORM packages."""

from __future__ import annotations

__version__ = "0.1.0"
