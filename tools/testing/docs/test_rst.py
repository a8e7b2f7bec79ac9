# SPDX-License-Identifier: GPL-2.0
"""tools/testing/docs/test_rst.py: every page under Documentation/ is valid
reStructuredText.

docutils (Debian's python3-docutils, the parser Sphinx uses) reads each
page; any warning or error fails the test with its line: a malformed table,
a title underline shorter than its title, a broken list or literal block.
Such a page renders wrong, or not at all, on any site that builds it, and a
malformed table silently loses its rows.
"""

import glob
import io
import os

import docutils.core
import docutils.utils
import pytest

SRCTREE = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
PAGES = sorted(os.path.relpath(p, SRCTREE)
               for p in glob.glob(os.path.join(SRCTREE, 'Documentation', '**', '*.rst'),
                                  recursive=True))


def test_pages_found():
    assert len(PAGES) > 5


@pytest.mark.parametrize('page', PAGES)
def test_page_parses_cleanly(page):
    warnings = io.StringIO()
    path = os.path.join(SRCTREE, page)
    with open(path) as f:
        docutils.core.publish_doctree(
            f.read(), source_path=page,
            settings_overrides={'warning_stream': warnings,
                                'report_level': docutils.utils.Reporter.WARNING_LEVEL,
                                'halt_level': docutils.utils.Reporter.SEVERE_LEVEL + 1})
    problems = [line for line in warnings.getvalue().splitlines() if ': (' in line]
    assert not problems, '\n'.join(problems)
