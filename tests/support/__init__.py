"""What the tests share: courses to build, a browser, an LMS, the SCORM data model.

``courses`` (paths and small courses), ``answers`` (answering a quiz as a learner),
``browser`` and ``fixtures`` (pytest plugins, loaded through ``-p`` in pyproject.toml),
``lms`` (scorm-again as the LMS), ``datamodel`` (SCORM's types and lengths) and
``quiztree`` (a readable dump of the quiz tokens). Tests import these, never each other.
"""
