"""The translation workflow: a course's texts out to translators and back, text by text.

``segments`` cuts a page into the texts a translator sees, ``alignment`` knows which
source text each text of a translation translates, ``config_texts`` handles titles in
the author's YAML, ``exchange`` writes and reads XLIFF and PO, and ``status`` says what
is translated, outdated or missing. The interface strings learners see are
``learnpack.i18n``'s job.
"""
