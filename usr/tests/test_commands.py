# SPDX-License-Identifier: GPL-2.0
"""Each /bin program on its own, in the sandbox, against what Linux says
(uname, sysinfo, clocks and /proc are the host's, through qemu-aarch64)."""

import os
import re
import time

from conftest import BIN, POWEROFF_RETURNCODE, USR


def test_echo(sandbox):
    assert sandbox('/bin/echo', 'a', 'b  c').stdout == 'a b  c\n'
    assert sandbox('/bin/echo', '-n', 'x').stdout == 'x'
    assert sandbox('/bin/echo').stdout == '\n'


def test_cat(sandbox):
    with open(os.path.join(USR, 'etc', 'motd')) as f:
        motd = f.read()
    assert sandbox('/bin/cat', '/etc/motd').stdout == motd
    assert sandbox('/bin/cat', input='from stdin\n').stdout == 'from stdin\n'
    r = sandbox('/bin/cat', '/nope', '/etc/motd')
    assert r.returncode == 1 and r.stdout == motd
    assert r.stderr == 'cat: /nope: No such file or directory\n'


def test_ls(sandbox):
    assert sandbox('/bin/ls', '/').stdout.split() == ['bin', 'dev', 'etc', 'init', 'proc', 'test', 'tmp']
    assert sorted(sandbox('/bin/ls', '/bin').stdout.split()) == sorted(BIN)
    lines = sandbox('/bin/ls', '-l', '/bin').stdout.splitlines()
    assert len(lines) == len(BIN)
    for line in lines:
        assert re.fullmatch(r'-rwxr-xr-x +\d+ \w+', line), line
    assert re.fullmatch(r'-rw-r--r-- +\d+ /etc/motd\n', sandbox('/bin/ls', '-l', '/etc/motd').stdout)
    assert sandbox('/bin/ls', '-a', '/dev').stdout.split() == ['.', '..']
    r = sandbox('/bin/ls', '/nope')
    assert r.returncode == 1 and 'ls: /nope: No such file or directory' in r.stderr


def test_uname(sandbox):
    host = os.uname()
    assert sandbox('/bin/uname').stdout == 'Linux\n'
    assert sandbox('/bin/uname', '-m').stdout == 'aarch64\n'
    assert sandbox('/bin/uname', '-n', '-r').stdout == f'headstart {host.release}\n'
    assert sandbox('/bin/uname', '-a').stdout.startswith(f'Linux headstart {host.release} ')
    assert sandbox('/bin/uname', '-x').returncode == 2


def test_uptime(sandbox):
    out = sandbox('/bin/uptime').stdout
    m = re.fullmatch(r' up (?:(\d+) days?, )?(\d+):(\d\d):(\d\d),  (\d+) processes,  '
                     r'load average: \d+\.\d\d, \d+\.\d\d, \d+\.\d\d\n', out)
    assert m, out
    with open('/proc/uptime') as f:		# the same clock, seen from the host
        host = float(f.read().split()[0])
    days, h, mi, s = (int(g or 0) for g in m.groups()[:4])
    assert abs(days * 86400 + h * 3600 + mi * 60 + s - host) < 5


def test_free(sandbox):
    lines = sandbox('/bin/free').stdout.splitlines()
    assert lines[0].split() == ['total', 'used', 'free', 'shared']
    total, used, free, _ = (int(x) for x in lines[1].split()[1:])
    with open('/proc/meminfo') as f:
        host_total = int(f.readline().split()[1])		# MemTotal, kB
    assert total == host_total and used + free == total
    assert lines[2].startswith('Swap:')
    mib = int(sandbox('/bin/free', '-m').stdout.splitlines()[1].split()[1])
    assert mib == host_total // 1024


def test_sleep_and_spin_take_their_time(sandbox):
    t = time.monotonic()
    assert sandbox('/bin/sleep', '0.5').returncode == 0
    assert 0.5 <= time.monotonic() - t < 3
    t = time.monotonic()
    assert sandbox('/bin/spin', '1').returncode == 0
    assert 1 <= time.monotonic() - t < 4
    assert sandbox('/bin/sleep', 'x').returncode == 2


def test_kill(sandbox):
    names = sandbox('/bin/kill', '-l').stdout
    assert ' 9 KILL\n' in names and '15 TERM\n' in names
    r = sandbox('/bin/kill', '99999')
    assert r.returncode == 1 and r.stderr == 'kill: (99999): No such process\n'
    assert sandbox('/bin/kill', '-NOSUCH', '1').returncode == 2


def test_ps_reads_proc(sandbox):
    out = sandbox('/bin/ps').stdout.splitlines()
    assert re.fullmatch(r'\s*PID\s+PPID S PSR\s+TIME COMMAND', out[0])
    # ps is process 1 here: the only process in its namespace. PSR is the
    # host CPU it last ran on (field 39).
    assert re.fullmatch(r'\s+1\s+0 \S\s+\d+\s+0:\d\d\.\d\d ps', out[1]) and len(out) == 2


def test_bench_without_pmu(sandbox):
    out = sandbox('/bin/bench', '--no-pmu', '-n', '1000').stdout
    assert 'no PMU (--no-pmu)' in out and 'not instructions' in out
    for row in ('null syscall (getppid)', 'context switch (yield)', 'fork + exit + wait4',
                'clock_gettime (syscall)'):
        assert re.search(re.escape(row) + r'\s+\d+\s+\d+\s+\d+\.\d', out), out
    # qemu-aarch64 (7.2) gives arm64 programs no vDSO: bench says so.
    assert re.search(r'clock_gettime \(vDSO\)\s+1000\s+no vDSO\s+-', out), out


def test_bench_finds_the_pmu_unreadable_under_qemu(sandbox):
    """At EL0 under qemu-aarch64 the counter read is an undefined
    instruction: bench's probe child dies of SIGILL and bench says so."""
    out = sandbox('/bin/bench', '-n', '200').stdout
    assert 'no PMU (reading PMEVCNTR0_EL0 traps' in out


def test_sh_c_and_scripts(sandbox):
    r = sandbox('/bin/sh', '-c', 'echo $$; exit 7')
    assert r.stdout == '1\n' and r.returncode == 7
    r = sandbox('/bin/sh', '/etc/motd')	# lines that are not commands
    assert 'not found' in r.stderr


def test_sh_edits_raw_input(sandbox):
    """On a console without a line discipline, DEL and ^H erase and ^U kills
    the line in what sh reads (lib/stdio.c readline)."""
    r = sandbox('/bin/sh', input='echo ab\x7fc\nnosuch\x15echo killed\necho x\x08y\n')
    assert r.stdout.split('headstart:/# ')[1:4] == ['ac\n', 'killed\n', 'y\n'], r.stdout


def test_poweroff_ends_the_machine(sandbox):
    r = sandbox('/init', '/bin/poweroff')
    assert r.returncode == POWEROFF_RETURNCODE
    r = sandbox('/bin/poweroff')		# process 1 itself
    assert r.returncode == POWEROFF_RETURNCODE
