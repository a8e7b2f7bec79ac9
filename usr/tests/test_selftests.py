# SPDX-License-Identifier: GPL-2.0
"""The KTAP test programs of /test, each run by /init as a test boot would
(`/init /test/<name>`: run it, then power off), and all of them by
/bin/usertests. Every case must pass; the only SKIPs allowed are the ones
listed here, each a known way Linux or QEMU differs from headstart."""

import re

import pytest

from conftest import POWEROFF_RETURNCODE, TESTS

ALLOWED_SKIPS = {
    # procs, fuzz: free memory is only exact on headstart.
    'Linux shares memory with the rest of the host',
    # fuzz: reboot, mount, umount2, clock_settime, settimeofday and vhangup
    # are fuzzed on headstart only (usr/selftests/fuzz_machine.c).
    'on a Linux host, where they would act on the host',
    # cpu_share: fair shares are headstart's scheduler; under qemu-aarch64
    # they are the host's, among whatever else it runs.
    'Linux shares the CPUs with the rest of the host',
    # efault, nanosleep, sysinfo: qemu-aarch64 7.2 answers differently from
    # Linux there (seen when these tests were written).
    'qemu-user gives EINVAL for a bad nanosleep pointer',
    'qemu-user accepts sysinfo(NULL)',
    # smp_sched: on Linux the host's scheduler, and its load, decide where
    # the burners run (the boot test checks headstart's placement).
    "the host's scheduler places them",
}

RESULT = re.compile(r'(ok|not ok) (\d+) (\S+)(?: # SKIP ?(.*))?$')


def parse_ktap(text, indent=''):
    """Check one KTAP document at this indent; return {case: (ok, skip)}."""
    lines = [l[len(indent):] for l in text.splitlines()
             if l.startswith(indent) and not l[len(indent):].startswith(' ')]
    assert lines[0] == 'KTAP version 1', text
    plan = next(l for l in lines if l.startswith('1..'))
    results = {}
    for line in lines:
        m = RESULT.match(line)
        if m:
            assert int(m.group(2)) == len(results) + 1, line
            results[m.group(3)] = (m.group(1) == 'ok', m.group(4))
    assert len(results) == int(plan[3:]), text
    return results


def check_results(results, text):
    for case, (ok, skip) in results.items():
        assert ok, f'{case} failed:\n{text}'
        assert skip is None or skip in ALLOWED_SKIPS, f'{case}: unexpected SKIP {skip!r}'


@pytest.mark.parametrize('name', TESTS)
def test_program(sandbox, name):
    r = sandbox('/init', f'/test/{name}', timeout=300)
    check_results(parse_ktap(r.stdout), r.stdout)
    assert f'init: /test/{name} exited with status 0' in r.stderr, r.stderr
    assert r.returncode == POWEROFF_RETURNCODE, 'init powers off when the test ends'


def nested_reports(text):
    """{test: its own KTAP text}: the lines indented under each result."""
    reports, lines = {}, []
    for line in text.splitlines():
        if line.startswith('    '):
            lines.append(line)
            continue
        m = RESULT.match(line)
        if m:
            reports[m.group(3)] = '\n'.join(lines)
            lines = []
    return reports


def test_usertests_runs_them_all(sandbox):
    r = sandbox('/init', '/bin/usertests', timeout=600)
    top = parse_ktap(r.stdout)
    assert sorted(top) == sorted(TESTS)
    check_results(top, r.stdout)
    for name, report in nested_reports(r.stdout).items():
        assert f'    # Subtest: {name}' in report
        check_results(parse_ktap(report, indent='    '), report)
    assert re.search(r'^# usertests: pass:%d fail:0 skip:0 total:%d$' % (len(TESTS), len(TESTS)),
                     r.stdout, re.M), r.stdout
    assert 'init: /bin/usertests exited with status 0' in r.stderr


def test_usertests_runs_named_tests(sandbox):
    r = sandbox('/bin/usertests', '-t', '30', 'enosys', 'libc')
    assert r.returncode == 0, r.stdout
    assert list(parse_ktap(r.stdout)) == ['enosys', 'libc']


def test_usertests_reports_a_test_that_cannot_run(sandbox):
    r = sandbox('/bin/usertests', 'no_such_test')
    assert r.returncode == 1
    assert 'not ok 1 no_such_test' in r.stdout
    assert '# usertests: pass:0 fail:1 skip:0 total:1' in r.stdout


def test_fuzz_finder_points_at_a_call(sandbox):
    """fuzz -f bisects a chunk; a chunk that survives says so."""
    r = sandbox('/test/fuzz', '-f', '500', '1', '0')
    assert 'chunk 0 of seed 1 survives 500 calls' in r.stdout
