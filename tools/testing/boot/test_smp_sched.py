# SPDX-License-Identifier: GPL-2.0
"""Tasks on every CPU (kernel/sched, Documentation/scheduler/sched-design.rst).

At -smp 4, with -icount (the CPUs take turns, deterministic) and with
multi-threaded TCG (they really run at once):

  * /test/smp_sched (usr/selftests/smp_sched.c) as the only program:
    sched_getaffinity sees the 4 CPUs, sched_setaffinity pins to CPU 2
    and getcpu says 2, a running child pinned from outside moves there,
    the calls' errors are Linux's, and 4 CPU burners end on 4 different
    CPUs, each with a whole CPU's worth of time;
  * busybox's nproc says 4 and taskset pins (its mask is inherited by
    exec); /proc/PID/stat's processor field is the CPU a pinned task is
    on, and status's Cpus_allowed its mask;
  * the sched_smp KUnit suite, both ways:
    wake-up of a task on another CPU by the reschedule IPI, migration of
    a running task, placement of new tasks, the periodic balance, and
    the newidle balance alone (the periodic one switched off).
"""

import os
import re

import pytest

from test_busybox import PROMPT
from test_kunit import parse_ktap

ACCEL = {
    'icount': ['-icount', 'shift=4,sleep=off'],
    'mttcg': ['-accel', 'tcg,thread=multi'],
}


def ktap_results(texts):
    plan = next(t for t in texts if re.fullmatch(r'1\.\.\d+', t))
    results = [t for t in texts if re.match(r'(not )?ok \d+ ', t)]
    assert len(results) == int(plan[3:]), texts
    return results


@pytest.mark.parametrize('accel', ['icount', 'mttcg'])
def test_smp_sched_selftest(console, qemu_cmd, kernel_image, boot_env, accel):
    initramfs = os.path.join(boot_env.build_dir, 'usr', 'initramfs.cpio')
    console.start(qemu_cmd(kernel=kernel_image, smp=4, gic=3,
                           append='console=ttyAMA0 poweroff -- /test/smp_sched',
                           extra=['-initrd', initramfs] + ACCEL[accel]))
    texts = [ln.text for ln in console.read_until_exit(timeout=120)]
    assert console.exitstatus == 0
    results = ktap_results(texts)
    bad = [t for t in results if not t.startswith('ok ') or '# SKIP' in t]
    assert not bad, '\n'.join(t for t in texts if t.startswith(('not ok', '# ', 'ok')))
    assert '# 4 CPUs allowed (mask f)' in texts
    assert 'ok 11 pinned_self_runs_on_cpu_2' in texts
    assert '# child pinned from outside ended on CPU 2' in texts
    burners = [t for t in texts if t.startswith('# burner ')]
    cpus = sorted(int(re.search(r'CPU (\d+)', t).group(1)) for t in burners)
    assert cpus == [0, 1, 2, 3], burners


def test_busybox_nproc_and_taskset(console, qemu_cmd, kernel_image, boot_env):
    initramfs = os.path.join(boot_env.build_dir, 'usr', 'initramfs-busybox.cpio')
    console.start(qemu_cmd(kernel=kernel_image, smp=4, gic=3, append='console=ttyAMA0',
                           extra=['-initrd', initramfs] + ACCEL['icount']))
    console.expect_raw(PROMPT, timeout=60)
    # The answers are computed, so the echo of what was typed cannot match.
    console.send('echo N$(nproc)N\r')
    console.expect_raw(re.compile(r'N4N'), timeout=30)
    console.expect_raw(PROMPT, timeout=30)
    console.send('taskset -c 2 sh -c \'taskset -p $$\' | sed s/mask/MASK/\r')
    console.expect_raw(re.compile(r"current affinity MASK: 4"), timeout=30)
    console.expect_raw(PROMPT, timeout=30)
    console.send('taskset -p 0 1 2>&1 | sed s/Invalid/INVALID/\r')
    console.expect_raw(re.compile(r"can't set pid 1's affinity: INVALID argument"), timeout=30)
    console.expect_raw(PROMPT, timeout=30)
    console.send('poweroff -f\r')
    console.read_until_exit(timeout=60)


# Both ways. Under -icount the suite's busy waits must yield (cpu_relax):
# QEMU 7.2 gives a CPU that never halts or yields its whole turn up to the
# next timer deadline and the next CPU in its list none, so CPU1 took no
# interrupt for the whole second while CPU0 polled (sched_smp_kunit.c's
# wait_until, Documentation/arm64/smp.rst).
@pytest.mark.parametrize('accel', ['icount', 'mttcg'])
def test_kunit_sched_smp_suite(console, qemu_cmd, kunit_image, accel):
    console.start(qemu_cmd(kernel=kunit_image, smp=4, gic=3, extra=ACCEL[accel],
                           append='console=ttyAMA0 poweroff kunit.filter_glob=sched_smp'))
    texts = [ln.text for ln in console.read_until_exit(timeout=120)]
    assert console.exitstatus == 0
    suites, tops = parse_ktap(texts)
    assert tops == {'sched_smp': 'ok'}, tops
    assert set(suites['sched_smp'].values()) == {'ok'}, suites
    assert '    # sched_smp_wakeup_on_other_cpu: woken from CPU0, ran on CPU1' in texts
    assert '    # sched_smp_running_task_migrates: moved from CPU1 to CPU2 while running' in texts
    assert any(re.fullmatch(r'    # sched_smp_new_tasks_go_to_idle_cpus: on CPU([123]) and '
                            r'CPU(?!\1)[123]', t) for t in texts), texts
    assert any(re.fullmatch(r'    # sched_smp_balance_spreads_queued_tasks: spread to '
                            r'CPU([123]) and CPU(?!\1)[123]', t) for t in texts), texts


# /proc/PID/stat's field 39 (processor: the CPU the task is on, or last
# ran on) for tasks pinned with busybox's taskset: a shell reading its own
# stat on each CPU, and a spinner pinned to CPU3 read from the shell, with
# its status's Cpus_allowed lines. Busybox's ps (1.35) has no psr column
# (`ps -o psr` is refused), so only /proc is read.
def test_proc_stat_processor_of_pinned_tasks(console, qemu_cmd, kernel_image, boot_env):
    initramfs = os.path.join(boot_env.build_dir, 'usr', 'initramfs-busybox.cpio')
    console.start(qemu_cmd(kernel=kernel_image, smp=4, gic=3, append='console=ttyAMA0',
                           extra=['-initrd', initramfs] + ACCEL['icount']))
    console.expect_raw(PROMPT, timeout=60)
    # The answers are computed, so the echo of what was typed cannot match.
    for cpu in range(4):
        console.send(f'echo P$(taskset -c {cpu} sh -c \'cut -d" " -f39 /proc/$$/stat\')P\r')
        console.expect_raw(re.compile(rf'P{cpu}P'), timeout=30)
        console.expect_raw(PROMPT, timeout=30)
    console.send('taskset -c 3 spin & sleep 1; echo Q$(cut -d" " -f39 /proc/$!/stat)Q\r')
    console.expect_raw(re.compile(r'Q3Q'), timeout=30)
    console.expect_raw(PROMPT, timeout=30)
    console.send('grep Cpus_allowed /proc/$!/status | tr "\\t" " " | sed s/Cpus/CPUS/\r')
    console.expect_raw(re.compile(r'CPUS_allowed: 8\r*\nCPUS_allowed_list: 3\r*\n'), timeout=30)
    console.expect_raw(PROMPT, timeout=30)
    console.send('kill $!\r')
    console.expect_raw(PROMPT, timeout=30)
    # The PMU is open to EL0 on every CPU, not only the boot CPU: bench's
    # probe reads PMEVCNTR0_EL0 in a child, which a trap would kill.
    console.send('taskset -c 2 bench -n 100 | head -n 1 | tr a-z A-Z\r')
    console.expect_raw(re.compile(r'BENCH: INSTRUCTIONS RETIRED'), timeout=60)
    console.expect_raw(PROMPT, timeout=60)
    console.send('poweroff -f\r')
    console.read_until_exit(timeout=60)
