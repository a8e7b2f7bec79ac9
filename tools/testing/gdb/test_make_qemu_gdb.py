# SPDX-License-Identifier: GPL-2.0
"""`make qemu-gdb` as a user runs it, in a terminal (pexpect's pty):

  * continue, Ctrl-C, quit: QEMU ends with gdb, nothing is left listening;
  * meanwhile the kernel's shell answers on the console port
    (GDB_CONSOLE_PORT, what `make qemu-gdb-console` connects to), and its
    output is in qemu-gdb.log too;
  * a gdb port already in use (a stale QEMU) is an error, not a silent
    attach.

Ports are chosen free for each test, so a developer's own session on
1234/1235 is not disturbed.
"""

import os
import socket
import subprocess
import time

import pexpect

from test_gdb import _listening


def _free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


# Whether QEMU listens is read from /proc/net/tcp (test_gdb._listening),
# never found by connecting: QEMU's console port serves one client at a
# time, and a probing connection became that client; the test's own
# connection was taken only once QEMU saw the probe gone, and the console
# output meanwhile (the shell's prompt, on a loaded host) went nowhere.
_in_use = _listening


def _make_argv(env, *args):
    argv = ['make', '-C', env.srctree]
    if os.path.realpath(env.build_dir) != os.path.realpath(env.srctree):
        argv.append(f'O={env.build_dir}')
    return argv + list(args)


def _read_until(sock, text, timeout=20):
    sock.settimeout(0.5)
    data = b''
    deadline = time.monotonic() + timeout
    while text not in data and time.monotonic() < deadline:
        try:
            chunk = sock.recv(4096)
        except socket.timeout:
            continue
        if not chunk:
            break
        data += chunk
    return data


def test_quit_ends_qemu_and_console_port(env):
    env.file('vmlinux')
    gdb_port, con_port = _free_port(), _free_port()
    argv = _make_argv(env, 'qemu-gdb', f'GDB_PORT={gdb_port}', f'GDB_CONSOLE_PORT={con_port}',
                      f'GDB={env.gdb}')
    os.makedirs(env.tmp_dir, exist_ok=True)
    with open(os.path.join(env.tmp_dir, 'make-qemu-gdb.log'), 'w') as log:
        child = pexpect.spawn(argv[0], argv[1:], encoding='utf-8', timeout=60,
                              env=dict(os.environ, TERM='dumb'))
        child.logfile_read = log
        try:
            child.expect(r'\(gdb\) ')
            assert _in_use(gdb_port) and _in_use(con_port)
            # Connected before the kernel runs: none of its output is lost.
            with socket.create_connection(('127.0.0.1', con_port), timeout=10) as con:
                child.sendline('continue')
                assert b'headstart:/# ' in _read_until(con, b'headstart:/# ')
                con.sendall(b'echo typed-at-the-console\n')
                assert b'\ntyped-at-the-console' in _read_until(con, b'\ntyped-at-the-console')
            child.sendintr()                  # Ctrl-C: stops the kernel, not QEMU
            child.expect(r'\(gdb\) ')
            assert _in_use(gdb_port), 'Ctrl-C ended QEMU'
            child.sendline('quit')
            if child.expect([r'\(y or n\)', pexpect.EOF]) == 0:
                child.sendline('y')
            child.expect(pexpect.EOF)
        finally:
            child.close(force=True)
    for _ in range(50):
        if not _in_use(gdb_port) and not _in_use(con_port):
            break
        time.sleep(0.1)
    assert not _in_use(gdb_port), 'QEMU still listens after gdb quit'
    assert not _in_use(con_port)
    with open(os.path.join(env.build_dir, 'qemu-gdb.log'), errors='replace') as f:
        assert 'typed-at-the-console' in f.read()


def test_busy_port_is_an_error(env):
    env.file('vmlinux')
    with socket.socket() as stale:
        stale.bind(('127.0.0.1', 0))
        stale.listen(1)
        port = stale.getsockname()[1]
        res = subprocess.run(_make_argv(env, 'qemu-gdb', f'GDB_PORT={port}',
                                        f'GDB_CONSOLE_PORT={_free_port()}',
                                        f'GDB={env.gdb} -batch'),
                             stdin=subprocess.DEVNULL, capture_output=True, text=True,
                             timeout=120)
    assert res.returncode != 0
    assert f'qemu-gdb: port {port} is in use' in res.stderr, res.stderr
    assert 'Remote debugging' not in res.stdout
