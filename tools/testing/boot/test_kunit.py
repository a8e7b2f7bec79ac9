# SPDX-License-Identifier: GPL-2.0
"""Run the in-kernel KUnit suites and check their KTAP report.

The kernel runs the suites that `kunit.filter_glob=` selects just before its
final boot line and prints KTAP (lib/kunit/test.c); late suites (`rodata`)
run after free_initmem and mark_rodata_ro, so a few boot lines come first.  This module parses that
report the way Linux's kunit.py does: a version line, a plan `1..N`, and for
each suite an indented subtest with its own plan and `ok`/`not ok` lines.
Any `not ok` fails (the console's bad patterns already stop at the first
one); so does a plan that does not match the results, or no suite at all.

The suites are in the KUnit kernel only (CONFIG_KUNIT, `make kunit` builds
it in .kunit/; the `kunit_image` fixture): defconfig has none, as in Linux.
The suites run on each interrupt controller and entry level, since what they
check (the state head.S leaves, exception handling) depends on both.
"""

import re

import pytest

KTAP_VERSION = 'KTAP version 1'

# Guest time from instructions, not the host clock: the timer suite checks
# ticks against the counter, and a host busy with other work would
# otherwise hold QEMU back and starve it of ticks. 16 ns per instruction,
# no idle skipping: the same run every time, at about the normal speed.
ICOUNT = ['-icount', 'shift=4,sleep=off']
PLAN_RE = re.compile(r'1\.\.(\d+)')
RESULT_RE = re.compile(r'(ok|not ok) (\d+) (\S+)(?: # (.*))?')
SUBTEST_RE = re.compile(r'# Subtest: (\S+)')


def parse_ktap(texts):
    """Parse KTAP lines (timestamps already stripped) into
    {suite: {case: 'ok' | 'not ok'}} and the top-level results
    {suite: 'ok' | 'not ok'}; checks plans and numbering on the way."""
    start = texts.index(KTAP_VERSION)
    m = PLAN_RE.fullmatch(texts[start + 1])
    assert m, f'no top-level plan after {KTAP_VERSION!r}: {texts[start + 1]!r}'
    planned = int(m.group(1))
    suites, tops = {}, {}
    i = start + 2
    while len(tops) < planned:
        # Late suites (kunit_test_late_suite) run at the end of boot: boot
        # lines come between them and the others, never inside a suite.
        while i < len(texts) and texts[i] != '    ' + KTAP_VERSION and \
                not texts[i].startswith((' ', '#')) and not RESULT_RE.fullmatch(texts[i]):
            i += 1
        assert i < len(texts), f'KTAP report ends after {len(tops)} of {planned} suites'
        assert texts[i] == '    ' + KTAP_VERSION, f'expected a subtest at {texts[i]!r}'
        name = SUBTEST_RE.fullmatch(texts[i + 1].strip()).group(1)
        cases_planned = int(PLAN_RE.fullmatch(texts[i + 2].strip()).group(1))
        cases = {}
        i += 3
        while not texts[i].startswith('# ' + name + ':'):
            line = texts[i]
            m = RESULT_RE.fullmatch(line.strip())
            if line.startswith('    ') and m:
                assert int(m.group(2)) == len(cases) + 1, f'case numbering: {line!r}'
                cases[m.group(3)] = m.group(1)
            i += 1
        assert len(cases) == cases_planned, \
            f'{name}: planned {cases_planned} cases, reported {len(cases)}'
        m = RESULT_RE.fullmatch(texts[i + 1])
        assert m and m.group(3) == name and int(m.group(2)) == len(tops) + 1, \
            f'bad suite result line {texts[i + 1]!r}'
        tops[name] = m.group(1)
        suites[name] = cases
        i += 2
    return suites, tops


# The reports CONFIG_DEBUG_SPINLOCK's suite provokes, in Linux's words, in
# this order; none may appear anywhere else.
SPINLOCK_REPORTS = [
    # The boot task is CPU0's idle task: comm "swapper/0", pid 0.
    (re.compile(r'BUG: spinlock recursion on CPU#0, swapper/0/0'),
     re.compile(r' lock: \S+, \.magic: dead4ead, \.owner: swapper/0/0, \.owner_cpu: 0')),
    (re.compile(r'BUG: spinlock already unlocked on CPU#0, swapper/0/0'),
     re.compile(r' lock: \S+, \.magic: dead4ead, \.owner: <none>/-1, \.owner_cpu: -1')),
]


def check_spinlock_debug_reports(texts):
    """The spinlock_debug suite printed exactly its two reports (each with
    the lock line and a call trace through the case), and no other code
    printed any."""
    bugs = [i for i, t in enumerate(texts) if 'BUG: spinlock' in t]
    assert len(bugs) == len(SPINLOCK_REPORTS), \
        'spinlock reports: ' + repr([texts[i] for i in bugs])
    start = texts.index('    # Subtest: spinlock_debug')
    end = next(i for i, t in enumerate(texts) if t.startswith('# spinlock_debug:'))
    for i, (head, lock) in zip(bugs, SPINLOCK_REPORTS):
        assert start < i < end, f'{texts[i]!r} outside the spinlock_debug suite'
        assert head.fullmatch(texts[i]), texts[i]
        assert lock.fullmatch(texts[i + 1]), texts[i + 1]
        assert 'Call trace:' in texts[i + 2:i + 6]


def test_kunit_spinlock_debug(console, qemu_cmd, kunit_image):
    """CONFIG_DEBUG_SPINLOCK reports recursion and a bad unlock as Linux
    does, and stays quiet on correct use (its own suite, alone)."""
    console.start(qemu_cmd(kernel=kunit_image, smp=2,
                           append='console=ttyAMA0 poweroff kunit.filter_glob=spinlock_debug'))
    with console.disable_check('spinlock_bug'):
        texts = [ln.text for ln in console.read_until_exit()]
    assert console.exitstatus == 0
    check_spinlock_debug_reports(texts)
    suites, tops = parse_ktap(texts)
    assert tops == {'spinlock_debug': 'ok'}


@pytest.mark.parametrize('gic', [2, 3])
@pytest.mark.parametrize('el', [1, 2])
def test_kunit_all_suites(console, qemu_cmd, kunit_image, gic, el):
    """Every suite, every case `ok`, on GICv2/v3 and at EL1/EL2 entry."""
    console.start(qemu_cmd(kernel=kunit_image, gic=gic, virtualization=(el == 2),
                           append='console=ttyAMA0 poweroff kunit.filter_glob=*',
                           extra=ICOUNT))
    # The spinlock_debug suite provokes its reports on purpose: checked below.
    with console.disable_check('spinlock_bug'):
        lines = console.read_until_exit()
    assert console.exitstatus == 0
    texts = [ln.text for ln in lines]
    check_spinlock_debug_reports(texts)
    suites, tops = parse_ktap(texts)
    assert suites, 'no KUnit suite ran'
    assert 'head' in suites, f'the head suite is missing: {sorted(suites)}'
    assert 'rodata' in suites, f'the late rodata suite is missing: {sorted(suites)}'
    failed = {s: [c for c, r in cases.items() if r != 'ok'] for s, cases in suites.items()}
    assert not any(failed.values()), f'failed cases: {failed}'
    assert set(tops.values()) == {'ok'}, f'suite results: {tops}'
    assert f'CPU: All CPU(s) started at EL{el}' in texts


def test_kunit_filter_selects_one_suite(console, qemu_cmd, kunit_image):
    """kunit.filter_glob=head runs that suite alone; no filter runs none."""
    console.start(qemu_cmd(kernel=kunit_image,
                           append='console=ttyAMA0 poweroff kunit.filter_glob=head'))
    texts = [ln.text for ln in console.read_until_exit()]
    suites, _ = parse_ktap(texts)
    assert list(suites) == ['head']


def test_kunit_off_by_default(console, qemu_cmd, kunit_image):
    console.start(qemu_cmd(kernel=kunit_image, append='console=ttyAMA0 poweroff'))
    texts = [ln.text for ln in console.read_until_exit()]
    assert KTAP_VERSION not in texts


def test_defconfig_has_no_kunit(console, qemu_cmd, kernel_image, vmlinux):
    """The default build (CONFIG_KUNIT off, as in Linux's defconfig) has no
    suites: asked for all of them it runs none, and the parameter is one
    the kernel does not know. The KUnit kernel is `make kunit`'s."""
    with open(vmlinux, 'rb') as f:
        assert b'kunit_run_case' not in f.read(), 'KUnit code in the defconfig vmlinux'
    console.start(qemu_cmd(kernel=kernel_image,
                           append='console=ttyAMA0 poweroff kunit.filter_glob=*'))
    texts = [ln.text for ln in console.read_until_exit()]
    assert console.exitstatus == 0
    assert KTAP_VERSION not in texts
    assert any(t.startswith('Unknown kernel command line parameters') and
               'kunit.filter_glob=*' in t for t in texts), texts


def test_parse_ktap_rejects_a_failed_case():
    """The parser itself: a `not ok` case is reported as such."""
    report = [KTAP_VERSION, '1..1', '    ' + KTAP_VERSION, '    # Subtest: s', '    1..2',
              '    ok 1 a', '    not ok 2 b', '# s: pass:1 fail:1 skip:0 total:2', 'not ok 1 s']
    suites, tops = parse_ktap(report)
    assert suites == {'s': {'a': 'ok', 'b': 'not ok'}} and tops == {'s': 'not ok'}
    # A late suite after boot lines still counts; a missing one does not.
    late = ['    ' + KTAP_VERSION, '    # Subtest: l', '    1..1', '    ok 1 c',
            '# l: pass:1 fail:0 skip:0 total:1', 'ok 2 l']
    two = [KTAP_VERSION, '1..2'] + report[2:-1] + ['ok 1 s', 'Freeing unused kernel memory: 64K']
    suites, tops = parse_ktap(two + late)
    assert tops == {'s': 'ok', 'l': 'ok'}
    with pytest.raises(AssertionError):
        parse_ktap(two + ['headstart: boot complete, CPU0 idle'])
    with pytest.raises(AssertionError):
        parse_ktap(report[:-3] + ['# s: pass:1 fail:0 skip:0 total:1', 'ok 1 s'])


@pytest.mark.parametrize('el', [1, 2])
def test_kunit_hyp_stub_runs_at_el2(console, qemu_cmd, kunit_image, el):
    """The hyp_stub suite (arch/arm64/kernel/hyp_stub_kunit.c) calls the hyp
    stub with hvc: entered at EL2 every case runs and passes, none skipped;
    entered at EL1 there is no stub and the cases that need it are skipped
    (`ok N name # SKIP ...`), not passed."""
    console.start(qemu_cmd(kernel=kunit_image, virtualization=(el == 2),
                           append='console=ttyAMA0 poweroff kunit.filter_glob=hyp_stub'))
    texts = [ln.text for ln in console.read_until_exit()]
    suites, tops = parse_ktap(texts)
    assert tops == {'hyp_stub': 'ok'}, texts
    cases = [t.strip() for t in texts if RESULT_RE.fullmatch(t.strip()) and t.startswith('    ')]
    skipped = [c for c in cases if '# SKIP' in c]
    assert len(cases) == len(suites['hyp_stub']) >= 4, cases
    if el == 2:
        assert not skipped, cases
    else:
        assert len(skipped) == len(cases) - 1, cases	# all but hyp_stub_boot_cpu_mode
