# SPDX-License-Identifier: GPL-2.0
"""/init and /bin/sh on a terminal, typed at through a pty with pexpect: the
session of issue 5 (ls /, echo, spin & shown by ps, kill ends it, poweroff
stops the machine) and the shell's other promises. The pty's line
discipline (Linux n_tty) does the echo, backspace and ^C, as headstart's
console will; sh only reads lines."""

import re
import time

import pexpect
import pytest

from conftest import HS_CHROOT, POWEROFF_RETURNCODE

PROMPT = r'headstart:(\S*)# '


@pytest.fixture
def console(sandbox, rootfs):
    c = pexpect.spawn(HS_CHROOT, [rootfs, '/init'], encoding='utf-8', timeout=20,
                      dimensions=(40, 120))
    c.expect('Type \'help\' for the commands')
    c.expect(PROMPT)
    yield c
    c.close(force=True)


def run(c, line):
    """Type a line; the output up to the next prompt, without the echo."""
    c.sendline(line)
    c.expect(PROMPT)
    out = c.before.replace('\r\n', '\n')
    assert out.startswith(line + '\n'), out
    return out[len(line) + 1:]


def job_report(c, out, pattern, timeout=5):
    """The shell reports an ended job before the next prompt, and a killed
    job may end only after `kill` has returned: press Enter until it shows."""
    end = time.monotonic() + timeout
    while not re.search(pattern, out):
        assert time.monotonic() < end, f'no {pattern!r} in {out!r}'
        time.sleep(0.1)
        out = run(c, '')
    return out


def ps(c):
    """{pid: (ppid, state, command)} from ps."""
    procs = {}
    lines = run(c, 'ps').splitlines()
    assert re.fullmatch(r'\s*PID\s+PPID S PSR\s+TIME COMMAND', lines[0]), lines[0]
    for line in lines[1:]:
        m = re.fullmatch(r'\s*(\d+)\s+(\d+) (\S)\s+(?:\d+|-)\s+\d+:\d\d\.\d\d (.+)', line)
        assert m, line
        procs[int(m.group(1))] = (int(m.group(2)), m.group(3), m.group(4))
    return procs


def test_issue_session(console):
    c = console
    assert run(c, 'ls /').split() == ['bin', 'dev', 'etc', 'init', 'proc', 'test', 'tmp']
    assert run(c, 'echo hello, world') == 'hello, world\n'

    c.sendline('spin &')
    c.expect(r'\[1\] (\d+)\r\n')
    pid = int(c.match.group(1))
    c.expect(PROMPT)
    time.sleep(0.3)
    procs = ps(c)
    assert procs[pid][1:] == ('R', 'spin'), procs
    sh_pid = procs[pid][0]
    assert procs[sh_pid][2] == 'sh' and procs[1][2] == 'init'

    job_report(c, run(c, f'kill {pid}'), r'\[1\] Terminated\s+spin')
    assert pid not in ps(c)

    c.sendline('poweroff')
    c.expect(pexpect.EOF)
    c.close()
    assert c.signalstatus == -POWEROFF_RETURNCODE


def test_builtins_and_errors(console):
    c = console
    assert 'cd [dir]' in run(c, 'help') and 'spin [secs]' in run(c, 'help')
    c.sendline('cd /bin')
    c.expect(PROMPT)
    assert c.match.group(1) == '/bin'
    assert run(c, 'pwd') == '/bin\n'
    assert 'usertests' in run(c, 'ls').split()
    run(c, 'cd ../etc')
    assert run(c, 'cat motd').strip().startswith('headstart:')
    run(c, 'cd /')
    assert run(c, 'cd /nowhere') == 'cd: /nowhere: No such file or directory\n'
    assert run(c, 'nosuch') == 'sh: nosuch: not found\n'
    assert run(c, 'echo $?') == '127\n'
    assert run(c, "echo 'a  b' \"c $?\" d\\ e # comment") == 'a  b c 0 d e\n'
    assert run(c, 'echo one; echo two') == 'one\ntwo\n'
    assert run(c, 'echo "open') == 'sh: unterminated quote\n'


def test_ctrl_c_ends_the_foreground_command_only(console):
    c = console
    c.sendline('spin')
    time.sleep(0.5)
    c.sendcontrol('c')
    c.expect(PROMPT)
    assert run(c, 'echo $?') == '130\n'		# 128 + SIGINT
    procs = ps(c)
    assert [p[2] for p in procs.values()].count('spin') == 0


def test_background_jobs_survive_ctrl_c_and_are_reported(console):
    c = console
    c.sendline('spin &')
    c.expect(r'\[1\] (\d+)')
    pid = int(c.match.group(1))
    c.expect(PROMPT)
    c.sendline('sleep 0.2 &')
    c.expect(r'\[2\] (\d+)')
    c.expect(PROMPT)
    c.sendline('spin')			# in the foreground while sleep ends
    time.sleep(1)
    c.sendcontrol('c')
    c.expect(PROMPT)			# ended jobs are told before a prompt
    job_report(c, c.before, r'\[2\] Done\s+sleep 0.2')
    assert pid in ps(c), 'a background job ignores ^C'
    out = run(c, 'jobs')
    assert re.fullmatch(r'\[1\] %d Running\s+spin\n' % pid, out), out
    job_report(c, run(c, f'kill -9 {pid}'), r'\[1\] Killed\s+spin')
    assert run(c, 'jobs') == ''


def test_exit_restarts_the_shell(console):
    c = console
    c.sendline('exit 3')
    c.expect('init: /bin/sh exited with status 3')
    c.expect('init: restarting /bin/sh')
    c.expect(PROMPT)
    assert run(c, 'echo back') == 'back\n'


def test_command_killed_by_a_signal_is_reported(console):
    c = console
    out = run(c, "sh -c 'kill -SEGV $$'")
    assert out.splitlines()[-1] == 'Segmentation fault', out
    assert run(c, 'echo $?') == '139\n'		# 128 + SIGSEGV
    assert run(c, 'echo alive') == 'alive\n'
