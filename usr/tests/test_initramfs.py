# SPDX-License-Identifier: GPL-2.0
"""The initramfs: a newc cpio archive that Debian's cpio reads, with
/dev/console as a character device (5, 1) made without privileges, every
program byte for byte, and the same bytes from the same inputs."""

import os
import subprocess

import pytest

from conftest import BIN, TESTS, USR

EXPECTED = (['dev', 'dev/console', 'proc', 'tmp', 'bin', 'etc', 'test', 'init'] +
            [f'bin/{p}' for p in BIN] + [f'test/{t}' for t in TESTS] + ['etc/motd'])


def cpio(*args, archive):
    with open(archive, 'rb') as f:
        return subprocess.run(['cpio', *args], stdin=f, capture_output=True,
                              text=True, check=True).stdout


def read_newc(path):
    """A reader written from the format's description, independent of
    gen_init_cpio.py: [(name, mode, rdevmajor, rdevminor, data)]."""
    with open(path, 'rb') as f:
        buf = f.read()
    pos, entries = 0, []
    while True:
        assert buf[pos:pos + 6] == b'070701', f'magic at {pos}'
        fields = [int(buf[pos + 6 + 8 * i:pos + 14 + 8 * i], 16) for i in range(13)]
        mode, filesize, rmaj, rmin, namesize = (fields[1], fields[6], fields[9],
                                                fields[10], fields[11])
        name_at = pos + 110
        name = buf[name_at:name_at + namesize - 1].decode()
        assert buf[name_at + namesize - 1] == 0
        data_at = (name_at + namesize + 3) & ~3
        data = buf[data_at:data_at + filesize]
        pos = (data_at + filesize + 3) & ~3
        if name == 'TRAILER!!!':
            assert pos == len(buf)
            return entries
        entries.append((name, mode, rmaj, rmin, data))


def test_listing(initramfs):
    assert cpio('-t', '--quiet', archive=initramfs).split() == EXPECTED


def test_console_is_char_5_1(initramfs):
    line = [l for l in cpio('-tv', '--quiet', archive=initramfs).splitlines()
            if l.endswith(' dev/console')]
    assert len(line) == 1 and line[0].startswith('crw-------')
    assert ' 5,   1 ' in line[0]


def test_contents_byte_for_byte(initramfs, usr_build):
    entries = {e[0]: e for e in read_newc(initramfs)}
    assert list(entries) == EXPECTED
    for name, mode, _, _, data in entries.values():
        if name.startswith(('bin/', 'test/')) or name == 'init':
            src = os.path.join(usr_build, name if name != 'init' else 'init/init')
            with open(src, 'rb') as f:
                assert data == f.read(), name
            assert mode == 0o100755, name
    assert entries['dev/console'][1:4] == (0o20600, 5, 1)
    assert entries['proc'][1] == 0o40555
    assert entries['etc/motd'][1] == 0o100644


def test_same_inputs_same_bytes(initramfs, usr_build, tmp_path):
    with open(os.path.join(usr_build, 'initramfs.list')) as f:
        entries = f.read()
    again = tmp_path / 'again.cpio'
    subprocess.run(['python3', os.path.join(USR, 'gen_init_cpio.py'), '-o', str(again),
                    os.path.join(usr_build, 'initramfs.list')], check=True)
    with open(initramfs, 'rb') as a, open(again, 'rb') as b:
        assert a.read() == b.read()
    assert 'nod /dev/console 0600 0 0 c 5 1' in entries


@pytest.mark.parametrize('line', [
    'file /x /no/such/file 0755 0 0',
    'nod /dev/x 0600 0 0 z 1 1',
    'dir /a 0755 0',
    'dir /../escape 0755 0 0',
    'pipe /p 0600 0 0',
])
def test_bad_list_lines_are_refused(tmp_path, line):
    lst = tmp_path / 'list'
    lst.write_text(line + '\n')
    r = subprocess.run(['python3', os.path.join(USR, 'gen_init_cpio.py'),
                        '-o', str(tmp_path / 'out.cpio'), str(lst)],
                       capture_output=True, text=True)
    assert r.returncode != 0 and 'gen_init_cpio.py:' in r.stderr
