# SPDX-License-Identifier: GPL-2.0
"""Processes and pipes under real parallelism: /test/smp_stress
(usr/selftests/smp_stress.c) as the boot's program, on 4 CPUs of QEMU's
multi-threaded TCG (each vCPU a host thread, no -icount: the CPUs really
run at once, and in no fixed order).

The program runs thousands of fork + execve + exit + wait4 cycles from 4
processes at once, bounces counters through pipes between 2 pairs of
processes and through shared memory between 2 more (sched_yield() until it
is a side's turn), checking every exit status and every value; then that no child
is left and that MemFree is back to its starting value. Here we check its
KTAP report, its exit status as init saw it, and that the kernel said
nothing about trouble (no oops, BUG or panic: the console's bad patterns,
and the lines below).

Once more with a 3-bit ASID space (test.asid_bits=3), so that ASIDs roll
over every few processes while processes run on every CPU.

A longer soak of the same runs with `make soak` (SMP_SOAK=1 here), outside
`make check`.
"""

import os
import re

import pytest

from test_smp import APPEND
from test_userspace import initramfs  # noqa: F401  (the fixture)
from test_user import ktap_results

SOAK = os.environ.get('SMP_SOAK') == '1'


def run_stress(console, qemu_cmd, kernel_image, initramfs, cycles, rounds, workers, timeout,
               options=''):
    cmd = f'/test/smp_stress -c {cycles} -p {rounds} -w {workers}'
    console.start(qemu_cmd(kernel=kernel_image, smp=4, gic=3, memory='512M',
                           append=f'{APPEND} {options} -- {cmd}',
                           extra=['-initrd', initramfs, '-accel', 'tcg,thread=multi']))
    texts = [ln.text for ln in console.read_until_exit(timeout=timeout)]
    assert console.exitstatus == 0
    assert 'smp: Brought up 1 node, 4 CPUs' in texts
    results = ktap_results(texts)
    assert results and all(r == 'ok' for r in results.values()), results
    assert set(results) >= {'all_children_reaped', 'memfree_back'}, results
    assert f'fork_exec_exit_wait_{workers}_workers_x_{cycles // workers}' in results, results
    assert f'pipe_pingpong_{workers // 2}_pairs_x_{rounds}' in results, results
    assert f'yield_pingpong_{workers // 2}_pairs_x_{rounds}' in results, results
    assert f'init: {cmd.split()[0]} exited with status 0' in texts, texts[-5:]
    bad = [t for t in texts if re.search(r'^BUG: |Oops|Call trace:|WARNING:', t)]
    assert not bad, bad
    assert texts[-1] == 'reboot: Power down'
    return texts


def test_smp_stress(console, qemu_cmd, kernel_image, initramfs):
    """The CI part: 2000 life cycles and 2 x 2000 pipe round trips."""
    run_stress(console, qemu_cmd, kernel_image, initramfs, 2000, 2000, 4, timeout=240)


def test_smp_stress_asid_rollovers(console, qemu_cmd, kernel_image, initramfs):
    """The same with 3-bit ASIDs (test.asid_bits=3, arch/arm64/mm/context.c):
    7 for 4 CPUs, so a rollover comes every few processes, with each CPU's
    running ASID reserved across it: the allocator's slow path, its lock
    and the per-CPU flushes run hundreds of times, and every child must
    still compute its sum and every pipe value arrive right.

    What this cannot see: QEMU flushes its own TLB whenever TTBR0's ASID
    changes, so a missing TLB flush or two mms sharing an ASID would not
    show here (the asid KUnit suite checks those decisions instead)."""
    texts = run_stress(console, qemu_cmd, kernel_image, initramfs, 1000, 500, 4, timeout=240,
                       options='test.asid_bits=3')
    assert 'ASID allocator initialised with 8 entries' in texts
    assert any(re.fullmatch(r'ASID: first rollover, generation 2 \(test.asid_bits=3\)', t)
               for t in texts), 'no ASID rollover'


@pytest.mark.skipif(not SOAK, reason='the soak runs with `make soak`')
def test_smp_soak(console, qemu_cmd, kernel_image, initramfs):
    """The soak: ten times as much, some minutes."""
    run_stress(console, qemu_cmd, kernel_image, initramfs, 20000, 20000, 8, timeout=1800)
