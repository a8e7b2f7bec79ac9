# SPDX-License-Identifier: GPL-2.0
"""/proc under Debian's busybox: /test/procfs.sh (usr/selftests/procfs.sh)
booted from the busybox initramfs, in KTAP: /proc/self, /proc/PID/stat
(52 fields), status, cmdline, exe, fd/ (files, pipes, deleted files),
maps, a vanished pid, /proc/version against uname, the load average
rising while a CPU is kept busy, ps and uptime over them. /proc/cmdline
must be the command line QEMU passed.
"""

import re

APPEND = 'console=ttyAMA0 poweroff -- /test/procfs.sh'


def test_procfs_script(console, qemu_cmd, kernel_image, busybox_initramfs):
    console.start(qemu_cmd(kernel=kernel_image, memory='256M', append=APPEND,
                           extra=['-initrd', busybox_initramfs]))
    texts = [ln.text for ln in console.read_until_exit(timeout=180)]
    assert 'KTAP version 1' in texts, texts[-20:]
    plan = next(t for t in texts if re.fullmatch(r'1\.\.\d+', t))
    results = [t for t in texts if re.match(r'(not )?ok \d+ ', t)]
    failed = [t for t in results if t.startswith('not ok')]
    assert not failed, '\n'.join(t for t in texts if t.startswith(('not ok', '# ')))
    assert len(results) == int(plan[3:]), results
    assert f'# cmdline: {APPEND}' in texts
    assert '# free: 1' in texts
    assert 'init: /test/procfs.sh exited with status 0' in texts


def boot_busybox(console, qemu_cmd, kernel_image, initramfs, command, smp):
    console.start(qemu_cmd(kernel=kernel_image, memory='256M', smp=smp, gic=3,
                           append=f'console=ttyAMA0 poweroff -- {command}',
                           extra=['-initrd', initramfs]))
    texts = [ln.text for ln in console.read_until_exit(timeout=120)]
    assert f'init: {command.split()[0]} exited with status 0' in texts, texts[-10:]
    return texts


def test_proc_stat(console, qemu_cmd, kernel_image, busybox_initramfs):
    """/proc/stat on 2 CPUs: Linux's lines, the all-CPU line the sum of the
    per-CPU ones, and /proc/uptime's idle time the idle of both CPUs."""
    texts = boot_busybox(console, qemu_cmd, kernel_image, busybox_initramfs,
                         '/bin/cat /proc/stat /proc/uptime', smp=2)
    rows = {t.split()[0]: t.split()[1:] for t in texts
            if re.match(r'(cpu\d* |intr |ctxt |btime |processes |procs_\w+ |softirq )', t)}
    assert set(rows) == {'cpu', 'cpu0', 'cpu1', 'intr', 'ctxt', 'btime', 'processes',
                         'procs_running', 'procs_blocked', 'softirq'}, rows
    cpu, cpu0, cpu1 = ([int(v) for v in rows[k]] for k in ('cpu', 'cpu0', 'cpu1'))
    assert len(cpu) == len(cpu0) == len(cpu1) == 10
    # Read one CPU after the other while the tick runs: a tick may land between.
    assert all(abs(a - b - c) <= 2 for a, b, c in zip(cpu, cpu0, cpu1)), (cpu, cpu0, cpu1)
    assert cpu0[3] > 0 and cpu1[3] > 0, 'both CPUs idled some'
    assert cpu[0] + cpu[2] > 0, 'user or system time'
    assert int(rows['intr'][0]) > 0 and int(rows['ctxt'][0]) > 0
    assert int(rows['processes'][0]) >= 1 and int(rows['procs_running'][0]) >= 1
    assert int(rows['btime'][0]) > 1600000000, 'seconds since 1970 from the PL031 RTC'
    up, idle = next(map(float, t.split()) for t in texts
                    if re.fullmatch(r'\d+\.\d\d \d+\.\d\d', t))
    assert 0 < idle <= 2 * up + 0.02, (up, idle)


def test_busybox_top(console, qemu_cmd, kernel_image, busybox_initramfs):
    """busybox top reads /proc/stat (it failed with "can't open 'stat'")."""
    texts = boot_busybox(console, qemu_cmd, kernel_image, busybox_initramfs,
                         '/bin/busybox top -b -n 1', smp=2)
    assert any(re.match(r'CPU:\s+\d+% usr\s+\d+% sys', t) for t in texts), texts[-15:]
    assert any(t.startswith('Load average:') for t in texts), texts[-15:]


def test_proc_interrupts(console, qemu_cmd, kernel_image, busybox_initramfs):
    """/proc/interrupts on 2 CPUs in Linux's layout: a CPU column each, the
    timer ticking on both, the UART, the seven IPI rows with their names."""
    texts = boot_busybox(console, qemu_cmd, kernel_image, busybox_initramfs,
                         '/bin/cat /proc/interrupts /proc/stat', smp=2)
    start = next(i for i, t in enumerate(texts) if re.fullmatch(r'\s+CPU0\s+CPU1\s*', t))
    rows = {}
    for t in texts[start + 1:]:
        m = re.match(r'\s*(\w+):((?:\s+\d+){1,2})(.*)$', t)
        if not m:
            break
        rows[m[1]] = ([int(n) for n in m[2].split()], m[3].strip())
    timer = next(v for k, v in rows.items() if v[1].endswith('arch_timer'))
    assert re.fullmatch(r'GICv3\s+\d+ Level\s+arch_timer', timer[1]), timer
    assert all(n > 0 for n in timer[0]), f'the tick on both CPUs: {timer}'
    assert any(v[1].endswith('uart-pl011') for v in rows.values()), rows
    ipis = [f'IPI{i}' for i in range(7)]
    assert [k for k in rows if k.startswith('IPI')] == ipis, rows
    assert rows['IPI0'][1] == 'Rescheduling interrupts'
    assert rows['IPI1'][1] == 'Function call interrupts'
    # v5.15's ipi_types, in order; nothing stopped a CPU on a running system
    # (test_gdb_cpu_stop.py reads the IPI2 counters after a stop)
    assert [rows[f'IPI{i}'][1] for i in range(2, 7)] == [
        'CPU stop interrupts', 'CPU stop (for crash dump) interrupts',
        'Timer broadcast interrupts', 'IRQ work interrupts', 'CPU wake-up interrupts']
    assert rows['IPI2'][0] == [0, 0], rows['IPI2']
    assert rows['Err'][0] == [0]
    # /proc/stat's intr total counts the same interrupts (read a moment later).
    intr = int(next(t for t in texts if t.startswith('intr ')).split()[1])
    listed = sum(sum(v[0]) for k, v in rows.items() if k != 'Err')
    assert listed <= intr <= listed + 20, (listed, intr)
