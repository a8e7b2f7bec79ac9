# SPDX-License-Identifier: GPL-2.0
"""tools/testing/docs/test_syscalls_doc.py: Documentation/userspace-api/syscalls.rst
lists every system call the kernel implements, with its number.

A call is implemented when some SYSCALL_DEFINEn(name, ...) defines it and
include/uapi/asm-generic/unistd.h gives it a number; anything else in the
table falls back to kernel/sys_ni.c's -ENOSYS. The page's tables have rows
``names   numbers   notes`` in the forms the page uses:

    kill              129       one call
    chdir, fchdir     49/50     several, numbers in the same order
    tkill/tgkill      130/1     the second number abbreviated (131)
    fchmod(at)        52/53     fchmod and fchmodat
    getuid..getegid   174-7     every call numbered 174 to 177

and a note may name another call with its number (``ftruncate 46``). A call
counts as documented when a row or a note names it with its own number.
Run by `make check-docs`.
"""

import os
import re
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
SRCTREE = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
UNISTD = os.path.join(SRCTREE, 'include/uapi/asm-generic/unistd.h')
DOC = os.path.join(SRCTREE, 'Documentation/userspace-api/syscalls.rst')

DEFINE_RE = re.compile(r'^SYSCALL_DEFINE[0-6]\((\w+)', re.M)
NR_RE = re.compile(r'^#define __NR_(\w+) (\d+)$', re.M)
ROW_RE = re.compile(r'^(\S+(?: \S+)*?)\s{2,}(\d[\d/-]*)(?:\s+(.*))?$')
NOTE_RE = re.compile(r'\b([a-z_][a-z_0-9]*) (\d+)\b')


def numbers():
    return {name: int(nr) for name, nr in NR_RE.findall(open(UNISTD).read())}


def implemented():
    files = subprocess.run(['git', 'ls-files', '*.c'], cwd=SRCTREE, capture_output=True,
                           text=True, check=True).stdout.split()
    names = set()
    for f in files:
        if f.startswith(('usr/', 'tools/')):
            continue
        with open(os.path.join(SRCTREE, f)) as src:
            names.update(DEFINE_RE.findall(src.read()))
    return names & set(numbers())


def expand_numbers(text):
    """'130/1' -> [130, 131]; '174-7' -> [174..177]; '49/50' -> [49, 50]."""
    def full(first, part):  # an abbreviated number takes the first's leading digits
        return int(first[:len(first) - len(part)] + part)
    if '-' in text:
        lo, hi = text.split('-')
        return list(range(int(lo), full(lo, hi) + 1)), True
    parts = text.split('/')
    return [int(parts[0])] + [full(parts[0], p) for p in parts[1:]], False


def documented():
    """(name, number) pairs the page gives, and the number ranges it covers."""
    pairs, ranges = set(), []
    for line in open(DOC):
        m = ROW_RE.match(line)
        if not m or not m[1][0].isalpha() or '====' in line:
            continue
        nrs, is_range = expand_numbers(m[2])
        if is_range:
            ranges.append((nrs[0], nrs[-1]))
        else:
            names = []
            for name in re.split(r', |/', m[1]):
                if name.endswith('(at)'):
                    names += [name[:-4], name[:-4] + 'at']
                else:
                    names.append(name)
            for name in names:
                pairs.update((name, nr) for nr in nrs)
        pairs.update((name, int(nr)) for name, nr in NOTE_RE.findall(m[3] or ''))
    return pairs, ranges


def test_every_call_is_documented_with_its_number():
    nr = numbers()
    pairs, ranges = documented()
    missing = sorted(f'{n} {nr[n]}' for n in implemented()
                     if (n, nr[n]) not in pairs and not any(lo <= nr[n] <= hi for lo, hi in ranges))
    assert not missing, f'implemented, not in syscalls.rst with this number: {missing}'


def test_the_page_is_read_at_all():
    # Guards the parser: if the table format changed, the test above would
    # pass on an empty list.
    pairs, _ = documented()
    assert len(pairs) > 50
    assert len(implemented()) > 50
    assert ('openat', 56) in pairs and ('tgkill', 131) in pairs
