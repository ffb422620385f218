"""Field validators (issue 11, "never a wrong value").

Every field published in `documents`, `authors`, `affiliations`, `abstracts` and `keywords` passes
a validator of its kind before it leaves the pipeline (`pipeline.parse_raw` calls
`validate_document` right after the adapter). Validators are pure functions returning None for an
acceptable value or a short machine-readable reason; the reason lands in the document's
`quality_flags` as `invalid:<field>:<reason>`.

Reasons: `no_text`, `empty`, `ui_string` (page chrome, buttons, tab bars, counters), `url`, `email`,
`doi`, `label`, `banner`, `copyright`, `journal_header`, `citation_line`, `date`, `author_list`,
`front_matter`, `keyword_line`, `keyword_list`, `sentence`, `not_prose`, `not_a_title`,
`not_a_name`, `not_an_institution`, `not_a_journal`, `not_a_heading`, `not_a_citation`,
`too_long`, `too_short`, `wrong_script`, `invalid_doi`, `bad_format`, `bad_checksum`,
`out_of_range`, `bad_date`, `date_order`, `before_first_page`, `journal_name`.

Modules: `common` (script counts, junk patterns), `titles`, `abstracts`, `names` (people and lists
of them), `institutions` (affiliations), `keywords`, `biblio` (DOI, ISSN, journal, numbers, dates,
statements), `document` (applies them all and decides the quarantine).
"""

from __future__ import annotations

from .abstracts import abstract_reason
from .biblio import doi_reason, journal_reason
from .document import validate_document
from .institutions import affiliation_reason
from .keywords import keyword_reason
from .names import is_name_list, name_reason
from .titles import title_reason

# Bump when a rule changes what is published: it is part of `pipeline_version()` (the cache key).
# 2: script evidence per paragraph (text.normalize.paragraph_lang); 3: navigation words in titles,
# glued numbered affiliations, non-keywords; 4: a quoted English phrase keeps a paragraph Chinese;
# 5: abstracts that stop mid-sentence flagged truncated:abstract_<lang>
VALIDATOR_VERSION = 5

__all__ = ["VALIDATOR_VERSION", "abstract_reason", "affiliation_reason", "doi_reason", "is_name_list",
           "journal_reason", "keyword_reason", "name_reason", "title_reason", "validate_document"]
