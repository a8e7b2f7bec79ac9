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
    report the termios and window size the kernel keeps.

Typed text is echoed, so every expected answer is computed by the shell
and cannot appear in what was typed.
"""

import re

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
