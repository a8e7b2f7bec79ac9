# SPDX-License-Identifier: GPL-2.0
"""The SMP figures `make bench` prints: an IPI round trip and an
uncontended spin_lock + spin_unlock in instructions (the smp_bench KUnit
suite), and from /bin/bench --smp a wake-up round trip across CPUs in
instructions and CPU-bound scaling on 1, 2 and 4 CPUs.

The smp_bench KUnit suite (kernel/smp_kunit.c) times 200 waiting
smp_call_function_single() calls from CPU0 to CPU1 by the virtual counter;
under -icount shift=0 that is one nanosecond per instruction executed by
either CPU, so the figure is instructions (the insncount plugin counted
the same loop at 557 per call when this was written, against 556 here).
This test runs the same command line as the Makefile and holds the cost
under a bound, so a change that makes the path several times dearer
fails here, not silently in a benchmark nobody reads.
"""

import os
import re

import pytest

from conftest import kunit_build_dir

IPI_BOUND = 1500        # instructions; 556 when written
SPINLOCK_BOUND = 250    # instructions per lock + unlock; 107 when written


def test_ipi_round_trip_cost(console, qemu_cmd, kunit_image, boot_env):
    console.start(qemu_cmd(kernel=kunit_image, smp=2, memory='512M',
                           append='console=ttyAMA0 poweroff kunit.filter_glob=smp_bench',
                           extra=['-icount', 'shift=0,sleep=off', '-seed', '1']))
    texts = [ln.text for ln in console.read_until_exit()]
    assert console.exitstatus == 0
    lines = [m for t in texts
             if (m := re.search(r'IPI round trip to CPU1: (\d+) instructions', t))]
    assert len(lines) == 1, texts[-20:]
    cost = int(lines[0].group(1))
    assert 100 < cost < IPI_BOUND, f'{cost} instructions per IPI round trip'
    # spin_lock + spin_unlock of a lock no one else wants: 107 with
    # CONFIG_DEBUG_SPINLOCK (the insncount plugin counted 107.0 for the
    # same loop), 26 without; the same with the ticket lock. The line
    # names the lock the build has (the KUnit kernel's .config, CONFIG_TICKET_SPINLOCKS).
    lines = [m for t in texts
             if (m := re.search(r'spin_lock \+ spin_unlock, uncontended: (\d+) instructions '
                                r'\((ticket|test-and-set) lock,', t))]
    assert len(lines) == 1, texts[-20:]
    cost = int(lines[0].group(1))
    with open(os.path.join(kunit_build_dir(boot_env.build_dir), '.config')) as f:
        ticket = 'CONFIG_TICKET_SPINLOCKS=y\n' in f.readlines()
    assert lines[0].group(2) == ('ticket' if ticket else 'test-and-set'), lines[0].group(0)
    assert 10 < cost < SPINLOCK_BOUND, f'{cost} instructions per uncontended lock + unlock'
    assert 'ok 1 smp_bench' in texts


# bench --smp, as `make bench` runs it (BENCH_SMP_USER_CMD): 4 CPUs,
# -icount shift=0. Wake-ups across CPUs in instructions (the PMU, which
# under -icount counts every CPU's instructions), and CPU-bound scaling.
WAKEUP_BOUND = 20000    # instructions per round trip; 6130 across CPUs when written


@pytest.fixture
def initramfs(boot_env):
    path = os.path.join(boot_env.build_dir, 'usr', 'initramfs.cpio')
    assert os.path.exists(path), f'{path} missing: run `make` (it builds usr/) first'
    return path


def test_bench_smp_figures(console, qemu_cmd, kernel_image, initramfs):
    console.start(qemu_cmd(kernel=kernel_image, smp=4, memory='512M',
                           append='console=ttyAMA0 quiet poweroff -- /bin/bench --smp',
                           extra=['-initrd', initramfs, '-icount', 'shift=0,sleep=off',
                                  '-seed', '1']))
    texts = [ln.text for ln in console.read_until_exit(timeout=180)]
    assert console.exitstatus == 0
    text = '\n'.join(texts)
    assert 'no PMU' not in text, text

    # Wake-ups: both figures there, in instructions, and plausible.
    trips = dict(re.findall(r'bench: smp: wake-up round trip, (both on CPU0|CPU0 <-> CPU1): '
                            r'(\d+) instructions \(pipe ping-pong', text))
    assert set(trips) == {'both on CPU0', 'CPU0 <-> CPU1'}, text
    for where, cost in trips.items():
        assert 500 < int(cost) < WAKEUP_BOUND, f'{where}: {cost} instructions per round trip'

    # Scaling: N spinners get N CPUs' worth of time (a shared CPU would give
    # each 1/N), every one of them at least 0.8 of a CPU, and no more time
    # is handed out than there is (tick granularity: 4 ms in 200).
    rows = {int(n): (float(total), float(least)) for n, total, least in re.findall(
        r"bench: smp: scaling: (\d+) spinners: (\d+\.\d+) CPUs' worth of CPU time, "
        r'least (\d+\.\d+),', text)}
    assert sorted(rows) == [1, 2, 4], text
    for n, (total, least) in rows.items():
        assert 0.8 * n <= total <= 1.1 * n, f'{n} spinners: {total} CPUs worth'
        assert least >= 0.8, f'{n} spinners: the least got {least} of a CPU'
