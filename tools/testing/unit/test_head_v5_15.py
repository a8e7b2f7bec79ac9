# SPDX-License-Identifier: GPL-2.0
"""tools/testing/unit/test_head_v5_15.py: keeps the claim "head.S follows
Linux v5.15" honest.

head_v5_15.txt quotes what v5.15's arch/arm64/kernel/head.S defines (the
SYM_* symbols, the .macro names) and calls (the named branch targets of
primary_entry, __primary_switch(ed) and the secondary entry points, in
order). This test reads the same facts out of our head.S and compares:

  - a symbol or macro on one side only must be named (as ``name``) in the
    "Differences from v5.15 and why" section of Documentation/arm64/head.rst;
  - for each routine in the table that head.S also has, a call target on one
    side only must be named there too, and the targets both sides call must
    come in the same order (an order difference cannot be excused by the
    table: it must be fixed).

It also checks that every code block head.rst introduces with
"From ``path``:" is a verbatim excerpt of that file, so the walk-through
cannot drift from the code.

With LINUX_V5_15_HEAD_S=path/to/v5.15/head.S the quoted table is also
checked against that file (otherwise that one test is skipped).

Run by `make check-unit` (tools/testing/unit/Makefile, PYTESTS).
"""

import os
import re

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
SRCTREE = os.environ.get('UNIT_SRCTREE', os.path.abspath(os.path.join(HERE, '../../..')))
HEAD_S = os.path.join(SRCTREE, 'arch/arm64/kernel/head.S')
HEAD_RST = os.path.join(SRCTREE, 'Documentation/arm64/head.rst')
TABLE = os.path.join(HERE, 'head_v5_15.txt')
DIFF_TITLE = 'Differences from v5.15 and why'

SYM_RE = re.compile(r'\bSYM_(?:CODE|FUNC|DATA)_START(?:_LOCAL|_NOALIGN|_WEAK)*\((\w+)\)'
                    r'|\bSYM_INNER_LABEL\((\w+),')
END_RE = re.compile(r'\bSYM_(?:CODE|FUNC|DATA)_END\((\w+)\)')
MACRO_RE = re.compile(r'^\s*\.macro\s+(\w+)', re.M)
BRANCH_RE = re.compile(r'^\s*(?:\w+:\s*)?(bl|b|b\.\w+|cbz|cbnz|tbz|tbnz)\s+([^\n]*)$')


def strip_comments(text):
    """Assembly without /* */ and // comments (line count kept)."""
    text = re.sub(r'/\*.*?\*/', lambda m: '\n' * m.group(0).count('\n'), text, flags=re.S)
    return re.sub(r'//[^\n]*', '', text)


def extract(text):
    """(symbols in order, macros in order, {routine: [call targets in order]})
    of a head.S. Preprocessor conditionals are ignored: every branch of an
    #if counts, as in the quoted table."""
    code = strip_comments(text)
    symbols, calls, current = [], {}, None
    for line in code.split('\n'):
        m = SYM_RE.search(line)
        if m:
            name = m.group(1) or m.group(2)
            symbols.append(name)
            if m.group(1):			# a routine starts (inner labels belong to it)
                current = name
                calls.setdefault(current, [])
            continue
        m = END_RE.search(line)
        if m:
            current = None
            continue
        m = BRANCH_RE.match(line)
        if m and current:
            target = m.group(2).split(',')[-1].strip()
            if re.fullmatch(r'[A-Za-z_]\w*', target) and not target.startswith('.L'):
                calls[current].append(target)
    return symbols, MACRO_RE.findall(code), calls


def read_table(path=TABLE):
    """The quoted v5.15 facts: (symbols, macros, {routine: [targets]})."""
    symbols, macros, calls, section = [], [], {}, None
    with open(path) as f:
        for raw in f:
            line = raw.split('#', 1)[0].strip()
            if not line:
                continue
            m = re.fullmatch(r'\[(symbols|macros|calls (\w+))\]', line)
            if m:
                section = m.group(2) or m.group(1)
                if m.group(2):
                    calls[section] = []
                continue
            if section == 'symbols':
                symbols.append(line)
            elif section == 'macros':
                macros.append(line)
            elif section in calls:
                calls[section].append(line.split()[-1])
            else:
                raise ValueError(f'{path}: line outside a section: {raw!r}')
    return symbols, macros, calls


def listed_differences(rst_text):
    """The names written as ``literals`` in head.rst's difference section
    (each identifier in a literal counts: ``bl early_fdt_map`` names both)."""
    lines = rst_text.split('\n')
    try:
        start = lines.index(DIFF_TITLE)
    except ValueError:
        pytest.fail(f'{HEAD_RST} has no section titled {DIFF_TITLE!r}')
    underline = lines[start + 1]
    assert underline and set(underline) <= set('=-~^') and len(underline) >= len(DIFF_TITLE)
    end = len(lines)
    for i in range(start + 2, len(lines) - 1):
        if lines[i + 1] and set(lines[i + 1]) == set(underline[0]) and \
                len(lines[i + 1]) >= len(lines[i]) > 0 and not lines[i].startswith(' '):
            end = i
            break
    section = '\n'.join(lines[start:end])
    names = set()
    for lit in re.findall(r'``(.+?)``', section):
        names.update(re.findall(r'[A-Za-z_]\w*', lit))
    return names


def unlisted(names, listed):
    return sorted(n for n in names if n not in listed)


def order_problems(ours, theirs):
    """The call targets both sides have, in each side's order, if they differ."""
    common = set(ours) & set(theirs)
    a = [t for t in ours if t in common]
    b = [t for t in theirs if t in common]
    return None if a == b else (a, b)


@pytest.fixture(scope='module')
def ours():
    with open(HEAD_S) as f:
        return extract(f.read())


@pytest.fixture(scope='module')
def v5_15():
    return read_table()


@pytest.fixture(scope='module')
def listed():
    with open(HEAD_RST) as f:
        return listed_differences(f.read())


def test_rst_names_v5_15():
    with open(HEAD_RST) as f:
        text = f.read()
    assert 'Linux v5.15' in text


def test_symbols(ours, v5_15, listed):
    mine, theirs = set(ours[0]), set(v5_15[0])
    assert not unlisted(theirs - mine, listed), \
        f'v5.15 symbols head.S lacks, not in head.rst\'s table: {unlisted(theirs - mine, listed)}'
    assert not unlisted(mine - theirs, listed), \
        f'head.S symbols v5.15 lacks, not in head.rst\'s table: {unlisted(mine - theirs, listed)}'


def test_symbols_in_v5_15_order(ours, v5_15):
    """The symbols both have are defined in the same order."""
    problem = order_problems(ours[0], v5_15[0])
    assert not problem, f'symbol order differs:\n  head.S: {problem[0]}\n  v5.15:  {problem[1]}'


def test_macros(ours, v5_15, listed):
    mine, theirs = set(ours[1]), set(v5_15[1])
    assert not unlisted(theirs ^ mine, listed), \
        f'macros on one side only, not in head.rst\'s table: {unlisted(theirs ^ mine, listed)}'


def test_calls(ours, v5_15, listed):
    checked = 0
    for routine, theirs in v5_15[2].items():
        if routine not in ours[2]:
            continue			# the whole routine is a listed difference (test_symbols)
        checked += 1
        mine = ours[2][routine]
        extra = unlisted(set(mine) ^ set(theirs), listed)
        assert not extra, f'{routine}: calls on one side only, not in head.rst\'s table: {extra}'
        problem = order_problems(mine, theirs)
        assert not problem, \
            f'{routine}: call order differs:\n  head.S: {problem[0]}\n  v5.15:  {problem[1]}'
    assert checked >= 3, 'primary_entry, __primary_switched, __primary_switch must be compared'


def quoted_blocks(rst_text):
    """[(path, code)] for each code block introduced by "From ``path``:"."""
    lines = rst_text.split('\n')
    blocks = []
    for i, line in enumerate(lines):
        m = re.fullmatch(r'From ``([\w./-]+)``:', line)
        if not m:
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        assert lines[j].startswith('.. code-block::'), f'line {j + 1}: no code block after {line!r}'
        j += 1
        code = []
        while j < len(lines) and (not lines[j].strip() or lines[j].startswith('    ')):
            code.append(lines[j][4:])
            j += 1
        while code and not code[-1].strip():
            code.pop()
        while code and not code[0].strip():
            code.pop(0)
        blocks.append((m.group(1), i + 1, '\n'.join(code)))
    return blocks


def test_rst_quotes_are_verbatim():
    """Every block head.rst quotes "From ``file``" is in that file, as is."""
    with open(HEAD_RST) as f:
        blocks = quoted_blocks(f.read())
    assert len(blocks) >= 10
    stale = []
    for path, line, code in blocks:
        with open(os.path.join(SRCTREE, path)) as f:
            if code not in f.read():
                stale.append(f'head.rst:{line} ({path})')
    assert not stale, 'quotes that are not in the file as written: ' + ', '.join(stale)


def test_table_against_v5_15():
    """Optional: the quoted table is what a real v5.15 head.S says."""
    path = os.environ.get('LINUX_V5_15_HEAD_S')
    if not path:
        pytest.skip('LINUX_V5_15_HEAD_S not set')
    with open(path) as f:
        symbols, macros, calls = extract(f.read())
    t_symbols, t_macros, t_calls = read_table()
    assert symbols == t_symbols
    assert macros == t_macros
    for routine, targets in t_calls.items():
        assert calls[routine] == targets, routine


# The checker itself, on small inputs: it must see what it claims to see.

def test_extract_sees_symbols_macros_and_calls():
    text = '''
    .macro foo, a   // a comment
    .endm
SYM_CODE_START(entry)
	bl	one			// bl not_this
	/* bl nor_this */
	b.ne	two
	cbz	x0, 1f
	cbz	x0, three
1:	b	.Llocal
SYM_INNER_LABEL(inner, SYM_L_LOCAL)
	b	four
SYM_CODE_END(entry)
	bl	outside
SYM_DATA_START(data)
SYM_DATA_END(data)
'''
    symbols, macros, calls = extract(text)
    assert symbols == ['entry', 'inner', 'data']
    assert macros == ['foo']
    assert calls['entry'] == ['one', 'two', 'three', 'four']
    assert calls['data'] == []


def test_listed_differences_only_reads_its_section():
    rst = '\n'.join(['Title', '=====', '``outside``', '', DIFF_TITLE, '=' * len(DIFF_TITLE),
                     '``bl inside`` and ``other_name``', '', 'Next', '====', '``after``'])
    assert listed_differences(rst) == {'bl', 'inside', 'other_name'}


def test_quoted_blocks():
    rst = 'From ``a.S``:\n\n.. code-block:: asm\n\n    x\n    \ty\n\nText\n'
    assert quoted_blocks(rst) == [('a.S', 1, 'x\n\ty')]


def test_order_problems():
    assert order_problems(['a', 'x', 'b'], ['a', 'b', 'y']) is None
    assert order_problems(['b', 'a'], ['a', 'b']) == (['b', 'a'], ['a', 'b'])
