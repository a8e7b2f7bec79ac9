# SPDX-License-Identifier: GPL-2.0
r"""Debian's busybox as the user space: the initramfs `make qemu` boots
(<build-dir>/usr/initramfs-busybox.cpio, see usr/Makefile).

  * /init (usr/init/init.sh, busybox sh) links the applets, mounts /proc
    and /dev, and hands over to the project's init, which runs busybox's
    sh: the prompt comes, and commands typed at it run;
  * /test/busybox.sh (usr/selftests/busybox.sh), run from the kernel's
    command line: pipelines, redirections, here-documents, $(...), files
    in /tmp, a #! script, /proc and /dev, in KTAP; every case must pass;
  * job control and line editing at the interactive prompt, typed as a
    person would: ^C ends a foreground job ($? 130), ^Z stops one, `jobs`
    lists it, `fg` resumes it, `bg` too, a background `cat` is stopped by
    SIGTTIN, ^\ quits one ($? 131), an INT trap runs,
    a background job is waited for; arrow keys edit the line and recall
    history (busybox's raw-mode line editing); `stty -a` and `stty size`
    report the termios and window size the kernel keeps;
  * the README's list of what to try at the prompt, read from README.md
    and typed in its order (`ls -l /bin`, `spin &` then `kill %1`, `sleep
    100` then ^Z, `fg` and ^C, `free`, `busybox --list`...), each answer
    checked; a command added to that list fails test_readme_tries until
    TRIES says how to check it.

Typed text is echoed, so every expected answer is computed by the shell
and cannot appear in what was typed, or is looked for only in the lines
after the echo (typed()).
"""

import os
import re
import time

import pytest

from qemu_console import ConsoleTimeout

PROMPT = re.compile(r'headstart:(\S*)# ')


# On one CPU, and on 4 of multi-threaded TCG (pipelines, jobs and traps
# with their processes on several CPUs at once).
@pytest.mark.parametrize('smp, accel', [(None, []), (4, ['-accel', 'tcg,thread=multi'])],
                         ids=['smp1', 'smp4-mttcg'])
def test_busybox_script_suite(console, qemu_cmd, kernel_image, busybox_initramfs, smp, accel):
    console.start(qemu_cmd(kernel=kernel_image, memory='256M', smp=smp,
                           append='console=ttyAMA0 poweroff -- /test/busybox.sh',
                           extra=['-initrd', busybox_initramfs] + accel))
    lines = console.read_until_exit(timeout=180)
    texts = [ln.text for ln in lines]
    assert 'KTAP version 1' in texts, texts[-20:]
    plan = next(t for t in texts if re.fullmatch(r'1\.\.\d+', t))
    results = [t for t in texts if re.match(r'(not )?ok \d+ ', t)]
    failed = [t for t in results if t.startswith('not ok')]
    assert not failed, '\n'.join(t for t in texts if t.startswith(('not ok', '# ')))
    assert len(results) == int(plan[3:]), results
    assert 'init: /test/busybox.sh exited with status 0' in texts


def test_busybox_prompt(console, qemu_cmd, kernel_image, busybox_initramfs):
    """What `make qemu` shows: busybox's sh at the prompt, taking commands."""
    console.start(qemu_cmd(kernel=kernel_image, memory='256M', append='console=ttyAMA0',
                           extra=['-initrd', busybox_initramfs]))
    console.expect_raw(PROMPT, timeout=60)
    # The answers are computed, so the echo of what was typed cannot match.
    console.send('echo X$((6 * 7))Y; readlink /bin/sh; echo Z$(ls /proc/1 | grep -cx stat)Z\r')
    console.expect_raw(re.compile(r'X42Y'), timeout=30)
    console.expect_raw(re.compile(r'/bin/busybox'), timeout=30)
    console.expect_raw(re.compile(r'Z1Z'), timeout=30)
    console.expect_raw(PROMPT, timeout=30)
    console.send('poweroff -f\r')
    console.read_until_exit(timeout=60)


# busybox's poweroff, reboot and halt without -f ask process 1 (SIGUSR2,
# SIGTERM, SIGUSR1), as on a Linux system with busybox's init: the
# project's init (usr/init/init.c) stops every process and calls reboot(2).
SHUTDOWNS = {'poweroff': ('poweroff', 'reboot: Power down'),
             'reboot': ('reboot', 'reboot: Restarting system'),
             'halt': ('halt', 'reboot: System halted')}


@pytest.mark.parametrize('cmd', SHUTDOWNS)
def test_busybox_shutdown(console, qemu_cmd, kernel_image, busybox_initramfs, cmd):
    what, last = SHUTDOWNS[cmd]
    console.start(qemu_cmd(kernel=kernel_image, memory='256M', append='console=ttyAMA0',
                           extra=['-initrd', busybox_initramfs]))
    console.expect_raw(PROMPT, timeout=60)
    # A job that ignores SIGTERM too, as the interactive shell does: the
    # SIGKILL after it ends both.
    console.send("sh -c 'trap \"\" TERM; while :; do sleep 1; done' &\r")
    console.expect_raw(PROMPT, timeout=30)
    console.send(f'{cmd}\r')
    # (a prompt the shell prints meanwhile may start a line)
    console.expect_lines_in_order([re.compile(r'(.*# \S*)?' + re.escape(t)) for t in (
        'The system is going down NOW!', 'Sent SIGTERM to all processes',
        'Sent SIGKILL to all processes', f'Requesting system {what}')] + [last], timeout=60)
    if cmd == 'halt':
        console.expect_running(2)       # halted, not reset or powered off
    else:
        console.read_until_exit(timeout=30)
        assert console.exitstatus == 0


LEFT, UP = '\x1b[D', '\x1b[A'
# A foreground job that says it runs (after ash gave it the terminal) and then waits.
JOB = "sh -c 'echo R$((2*3)); exec sleep 100'"
# A job that says when it is continued: ash's fg gives it the terminal,
# then sends SIGCONT, so "C9" means a ^C typed now reaches the job (one
# typed between fg's echo of the command and its tcsetpgrp would go to
# the shell, on Linux too).
JOB_CONT = "sh -c 'trap \"echo C$((3*3))\" CONT; echo R$((2*3)); while :; do sleep 1; done'"


def answer(console, line, pattern, timeout=30):
    """Type line; wait for pattern in the output, then for the prompt."""
    console.send(line)
    m = console.expect_raw(re.compile(pattern), timeout=timeout)
    console.expect_raw(PROMPT, timeout=timeout)
    return m


def command(console, line):
    """Type line, which prints nothing; wait for the prompt."""
    console.send(line)
    console.expect_raw(PROMPT, timeout=30)


def interrupt(console, key='\x03'):
    """Press key (^C) until the prompt is back: one pressed before the job has
    the terminal goes to the shell, as it would on Linux. Returns what was
    printed meanwhile."""
    seen = ''
    for _ in range(10):
        console.send(key)
        try:
            console.expect_raw(PROMPT, timeout=2)
            return seen + console.child.before
        except ConsoleTimeout:
            seen += console.child.before
            continue
    pytest.fail(f'{key!r} never brought the prompt back')


def test_busybox_job_control_and_line_editing(console, qemu_cmd, kernel_image,
                                              busybox_initramfs):
    console.start(qemu_cmd(kernel=kernel_image, memory='256M', append='console=ttyAMA0',
                           extra=['-initrd', busybox_initramfs]))
    console.expect_raw(PROMPT, timeout=60)

    # The shell leads a session whose controlling tty is the console: it has job control.
    m = answer(console, 'echo S$(($(cut -d" " -f6 /proc/$$/stat) - $$))\r', r'S(-?\d+)')
    assert m.group(1) == '0', 'the shell is not its session\'s leader'

    # ^C: SIGINT to the foreground job, the shell reports 128 + 2.
    console.send(JOB + '\r')
    console.expect_raw(re.compile(r'R6'), timeout=30)
    interrupt(console)
    answer(console, 'echo rc=$?\r', r'rc=130')

    # ^Z stops it, jobs lists it, fg continues it in the foreground, ^C ends it.
    console.send(JOB_CONT + '\r')
    console.expect_raw(re.compile(r'R6'), timeout=30)
    console.send('\x1a')
    console.expect_raw(re.compile(r'\[1\]\+\s+Stopped'), timeout=30)
    console.expect_raw(PROMPT, timeout=30)
    answer(console, 'jobs\r', r'\[1\]\+\s+Stopped\s+sh -c')
    console.send('fg\r')
    console.expect_raw(re.compile(r'C9'), timeout=30)
    interrupt(console)
    answer(console, 'echo rc=$?\r', r'rc=130')
    answer(console, 'jobs; echo J$((7*7))\r', r'J49')

    # ^Z then bg: it runs on in the background; a background cat that reads
    # the terminal is stopped by SIGTTIN.
    console.send(JOB + '\r')
    console.expect_raw(re.compile(r'R6'), timeout=30)
    console.send('\x1a')
    console.expect_raw(re.compile(r'\[1\]\+\s+Stopped'), timeout=30)
    console.expect_raw(PROMPT, timeout=30)
    command(console, 'bg\r')
    command(console, 'cat &\r')
    # Until cat has tried to read and been stopped (state T), jobs would
    # rightly list it as Running.
    answer(console, 'until [ "$(cut -d" " -f3 /proc/$!/stat)" = T ]; do sleep 1; done; '
                    'echo T$((4*4))\r', r'T16')
    out = answer(console, 'jobs; echo J$((6*6))\r', r'J36').string
    assert re.search(r'\[2\]\+\s+Stopped \(tty input\)\s+cat', out), out
    assert re.search(r'\[1\]-\s+Running\s+sh -c', out), out
    command(console, 'kill -9 %1 %2; wait\r')
    answer(console, 'jobs; echo J$((8*8))\r', r'J64')

    # ^\\: SIGQUIT, 128 + 3.
    console.send(JOB + '\r')
    console.expect_raw(re.compile(r'R6'), timeout=30)
    interrupt(console, '\x1c')
    answer(console, 'echo rc=$?\r', r'rc=131')

    # A trap on INT runs when ^C ends the foreground job.
    command(console, "trap 'echo got$((1+1))' INT\r")
    console.send(JOB + '\r')
    console.expect_raw(re.compile(r'R6'), timeout=30)
    assert 'got2' in interrupt(console)
    command(console, "trap - INT\r")

    # A background job, and wait for it.
    answer(console, 'sleep 1 & wait $!; echo w=$?,$((5*5))\r', r'w=0,25')

    # Line editing: arrows move in the line; up recalls it from the history.
    console.send('echo $((12))')
    console.send(LEFT * 3 + '*3\r')
    answer(console, '', r'\n32\r')
    console.send(UP)
    console.send(LEFT * 2 + '+1\r')
    answer(console, '', r'\n33\r')

    # stty: the termios and window size the tty keeps.
    m = answer(console, 'stty -a\r', r'rows (\d+); columns (\d+)[^\n]*\n[^\n]*intr = \^C; '
               r'quit = \^\\; erase = \^\?; kill = \^U; eof = \^D')
    assert m.groups() == ('24', '80')
    answer(console, 'stty rows 30 cols 100; stty size; stty rows 24 cols 80\r', r'\n30 100\r')
    answer(console, 'stty -icanon -echo; stty -a | grep -o "[-]icanon.*[-]echo "; stty sane\r',
           r'-icanon\s+iexten\s+-echo ')

    console.send('poweroff -f\r')
    console.read_until_exit(timeout=60)


# The README's "try ..." list: what it suggests typing at the prompt `make qemu`
# ends at, replayed from README.md itself so the two cannot drift apart.
README = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'README.md')
ERRORS = re.compile(r'not found|can\'t|No such file|Permission denied|[Ii]nvalid|[Uu]sage:')


def readme_tries():
    """[(command, key or None)] in README order: each `command` of the
    paragraph after "try", with the Ctrl key it says to press after it
    ("`sleep 100` then Ctrl-Z")."""
    with open(README) as f:
        text = f.read()
    start = text.index('`make qemu` ends at the prompt')
    para = text[start:text.index('\n\n', start)]
    tries = para[para.index(' try ') + len(' try '):para.index('(or Ctrl-A X')]
    return [(cmd, key or None) for cmd, key in
            re.findall(r'`([^`]+)`(?:\s+(?:then|and)\s+(Ctrl-[A-Z]))?', tries)]


def typed(console, line):
    """Type line as it is; return its output (the lines after the echo, up
    to the prompt), which must show no error."""
    console.send(line + '\r')
    console.expect_raw(PROMPT, timeout=60)
    out = console.child.before.replace('\r', '').split('\n', 1)
    out = out[1] if len(out) > 1 else ''
    assert not ERRORS.search(out), f'{line!r} printed an error:\n{out}'
    return out


def status(console):
    # Up to the \r: the whole number, not the first digits to arrive.
    return int(answer(console, 'echo "rc=$?"\r', r'\nrc=(\d+)\r').group(1))


def press_until(console, key, pattern):
    """Press key until pattern shows (a key pressed before the job has the
    terminal goes to the shell, which ignores it, as on Linux)."""
    for _ in range(10):
        console.send(key)
        try:
            return console.expect_raw(re.compile(pattern), timeout=2)
        except ConsoleTimeout:
            continue
    pytest.fail(f'{key!r} never gave {pattern!r}')


def try_ls_bin(console, out):
    assert status(console) == 0
    assert re.search(r'^-r[-w]x\S* .* busybox$', out, re.M), out
    links = re.findall(r'^l\S+ .* (\S+) -> (\S+)$', out, re.M)
    assert {target for _, target in links} == {'/bin/busybox'}, links
    assert 'sh' in {name for name, _ in links}, links


def try_ps(console, out):
    assert status(console) == 0
    shell_pid = answer(console, 'echo "P$$"\r', r'\nP(\d+)\r').group(1)
    pids = {ln.split()[0] for ln in out.splitlines()[1:] if ln.split()}
    assert out.split()[0] == 'PID' and {'1', shell_pid} <= pids, out


def try_mounts(console, out):
    assert status(console) == 0
    mounts = {tuple(ln.split()[:3]) for ln in out.splitlines()}
    # What usr/init/init.sh mounted.
    assert {('proc', '/proc', 'proc'), ('devtmpfs', '/dev', 'devtmpfs')} <= mounts, out


def try_echo_file(console, out):
    assert status(console) == 0
    assert out.splitlines() == ['hi'], out


def try_count_root(console, out):
    assert status(console) == 0
    # Counted again by the shell's glob instead of ls and wc.
    names = answer(console, 'echo /*; echo "E$((9*9))"\r', r'\n(.*)\nE81').group(1).split()
    assert out.split() == [str(len(names))], (out, names)


def try_spin(console, out):
    assert status(console) == 0
    pid = answer(console, 'echo "B$!"\r', r'\nB(\d+)\r').group(1)
    assert answer(console, f'cut -d" " -f3 /proc/{pid}/stat\r', r'\n([RS])\r').group(1)
    assert re.fullmatch(r'\[1\]\+\s+Running\s+spin\n', typed(console, 'jobs'))
    try_spin.pid = pid


def try_kill_job(console, out):
    assert status(console) == 0
    pid = try_spin.pid
    answer(console, f'while [ -e /proc/{pid} ]; do sleep 1; done; echo "G$((3*5))"\r', r'G15')


def try_sleep_stop(console):
    console.send('sleep 100\r')
    press_until(console, '\x1a', r'\[1\]\+\s+Stopped\s+sleep 100')
    console.expect_raw(PROMPT, timeout=30)
    assert status(console) == 148      # 128 + SIGTSTP


def try_jobs(console, out):
    assert re.fullmatch(r'\[1\]\+\s+Stopped\s+sleep 100\n', out), out


def try_fg_interrupt(console):
    console.send('fg\r')
    console.expect_raw(re.compile(r'\nsleep 100'), timeout=30)
    # fg echoes the command before it hands the job the terminal: a moment
    # for that, and interrupt() presses ^C again if one still reached the shell.
    time.sleep(1)
    interrupt(console)
    assert status(console) == 130      # 128 + SIGINT
    assert typed(console, 'jobs') == '', 'the job still exists after fg and Ctrl-C'


def try_stty(console, out):
    assert status(console) == 0
    rows, cols = re.search(r'rows (\d+); columns (\d+)', out).groups()
    assert typed(console, 'stty size').split() == [rows, cols]


def try_uname(console, out):
    assert status(console) == 0
    sysname, release = answer(console, 'cat /proc/version\r',
                              r'\n(\S+) version (\S+) ').groups()
    host = answer(console, 'hostname\r', r'\n(\S+)\r').group(1)
    assert re.match(rf'{re.escape(sysname)} {re.escape(host)} {re.escape(release)} #.* aarch64',
                    out), out


def try_free(console, out):
    assert status(console) == 0
    total, used, free = (int(v) for v in re.search(r'Mem:\s+(\d+)\s+(\d+)\s+(\d+)',
                                                    out).groups())
    meminfo = answer(console, 'cat /proc/meminfo\r', r'MemTotal:\s+(\d+) kB').group(1)
    assert total == int(meminfo) and used + free <= total, out


def try_busybox_list(console, out):
    assert status(console) == 0
    applets = out.split()
    assert {'ls', 'ps', 'cat', 'wc', 'kill', 'sleep', 'stty', 'uname', 'free',
            'poweroff'} <= set(applets), applets
    # Every applet listed is installed as a command (init.sh's --install -s).
    missing = answer(console, 'for a in $(busybox --list); do command -v $a >/dev/null || '
                              'echo "missing:$a"; done; echo "M$((2*8))"\r', r'M16')
    assert 'missing:' not in missing.string, missing.string


def try_poweroff(console):
    console.send('poweroff\r')    # init stops every process first (test_busybox_shutdown)
    lines = console.read_until_exit(timeout=60)
    assert 'reboot: Power down' in [ln.text for ln in lines]
    assert console.exitstatus == 0


# Each README command and how its answer is checked; keyed by the command as
# the README writes it, with the Ctrl key it says to press after it, if any.
TRIES = {
    ('ls -l /bin', None): try_ls_bin,
    ('ps', None): try_ps,
    ('cat /proc/mounts', None): try_mounts,
    ('echo hi > /tmp/f; cat /tmp/f', None): try_echo_file,
    ('ls / | wc -l', None): try_count_root,
    ('spin &', None): try_spin,
    ('kill %1', None): try_kill_job,
    ('sleep 100', 'Ctrl-Z'): try_sleep_stop,
    ('jobs', None): try_jobs,
    ('fg', 'Ctrl-C'): try_fg_interrupt,
    ('stty -a', None): try_stty,
    ('uname -a', None): try_uname,
    ('free', None): try_free,
    ('busybox --list', None): try_busybox_list,
    ('poweroff', None): try_poweroff,
}


def test_readme_tries():
    """The README's list and TRIES name the same commands."""
    tries = readme_tries()
    assert tries[0] == ('ls -l /bin', None) and tries[-1] == ('poweroff', None), tries
    assert sorted(tries, key=str) == sorted(TRIES, key=str), \
        'README.md\'s "try ..." list changed: teach TRIES (test_busybox.py) the new commands'


def test_readme_try_list(console, qemu_cmd, kernel_image, busybox_initramfs):
    """Types what the README suggests after `make qemu`, in its order, at
    busybox's prompt, and checks each answer: no error, exit status 0, and
    what can be computed another way (the shell's own pid in ps, the glob's
    count for `ls / | wc -l`, MemTotal for free, /proc/version for uname)."""
    console.start(qemu_cmd(kernel=kernel_image, memory='256M', append='console=ttyAMA0',
                           extra=['-initrd', busybox_initramfs]))
    console.expect_raw(PROMPT, timeout=60)
    for cmd, key in readme_tries():
        check = TRIES[(cmd, key)]
        if key or cmd == 'poweroff':
            check(console)
        else:
            check(console, typed(console, cmd))
