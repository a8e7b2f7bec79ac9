# SPDX-License-Identifier: GPL-2.0
"""The syscall fuzzer makes every system call headstart implements.

`/test/fuzz -n` prints the numbers it never makes (its `denied` table), the
ones it leaves out only under qemu-aarch64, and the ones it makes apart from
the random chunks (fuzz_apart.c, fuzz_machine.c). A call is implemented when
the kernel defines it with SYSCALL_DEFINEn and unistd.h numbers it (the rule
of tools/testing/docs/test_syscalls_doc.py, read from there). A newly
implemented call that the fuzzer still never makes fails here: make it in
usr/selftests/fuzz.c (take it out of `denied`, fixing an argument in
next_call() if it could block or harm), or apart.
"""

import importlib.util
import os

import pytest

from conftest import SRCTREE

_spec = importlib.util.spec_from_file_location(
    'syscalls_doc', os.path.join(SRCTREE, 'tools/testing/docs/test_syscalls_doc.py'))
syscalls_doc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(syscalls_doc)


@pytest.fixture(scope='module')
def fuzz_lists(sandbox):
    """{'never': {nr...}, 'not under qemu-user': {...}, 'apart': {...}}."""
    r = sandbox('/test/fuzz', '-n')
    assert r.returncode == 0, r.stdout + r.stderr
    lists = {}
    for line in r.stdout.splitlines():
        what, _, nrs = line.partition(':')
        lists[what] = {int(n) for n in nrs.split()}
    assert set(lists) == {'never', 'not under qemu-user', 'apart'}, r.stdout
    return lists


def implemented_numbers():
    nr = syscalls_doc.numbers()
    return {nr[name]: name for name in syscalls_doc.implemented()}


def never_made(implemented, never):
    """The implemented calls the fuzzer never makes, as 'name nr'."""
    return sorted(f'{name} {nr}' for nr, name in implemented.items() if nr in never)


def test_every_implemented_call_is_fuzzed(fuzz_lists):
    missing = never_made(implemented_numbers(), fuzz_lists['never'])
    assert not missing, ('implemented but never made by /test/fuzz (its `denied` table in '
                         f'usr/selftests/fuzz.c): {missing}')


def test_calls_made_apart_are_implemented_and_not_denied(fuzz_lists):
    implemented = implemented_numbers()
    apart = fuzz_lists['apart']
    assert len(apart) == 13, apart
    assert apart <= set(implemented), sorted(apart - set(implemented))
    assert not apart & fuzz_lists['never']


def test_the_check_can_fail(fuzz_lists):
    # execveat (Linux's 281), which the fuzzer never makes, taken as
    # implemented: reported.
    implemented = implemented_numbers()
    assert 281 in fuzz_lists['never'] and 281 not in implemented
    assert never_made({**implemented, 281: 'execveat'}, fuzz_lists['never']) == ['execveat 281']
    # ...and the lists are real ones, not empty.
    assert len(implemented) > 100
    assert {93, 221, 435, 142, 40, 112} <= fuzz_lists['apart']     # exit, execve, clone3, reboot...
    assert 29 in fuzz_lists['not under qemu-user']                  # ioctl
