# SPDX-License-Identifier: GPL-2.0
"""The initramfs: QEMU's -initrd hands a newc cpio archive to the kernel
(through /chosen/linux,initrd-start/-end), which unpacks it into the root
filesystem (init/initramfs.c, fs/ramfs) or says why it cannot.

The archives are written here, so each test controls every byte.
"""

import pytest

APPEND = 'console=ttyAMA0 poweroff'
TRYING = 'Trying to unpack rootfs image as initramfs...'


def newc_member(name, mode, data=b'', ino=1, nlink=1):
    name_b = name.encode() + b'\0'
    fields = [ino, mode, 0, 0, nlink, 0, len(data), 0, 0, 0, 0, len(name_b), 0]
    out = b'070701' + b''.join(b'%08X' % f for f in fields) + name_b
    out += b'\0' * (-len(out) % 4) + data
    return out + b'\0' * (-len(out) % 4)


def newc_archive(members):
    return b''.join(newc_member(*m) for m in members) + newc_member('TRAILER!!!', 0)


GOOD = [('bin', 0o040755), ('bin/hello', 0o100644, b'hello\n'), ('dev', 0o040755)]


def boot_with(console, qemu_cmd, kernel_image, tmp_path, blob):
    initrd = tmp_path / 'initrd.cpio'
    initrd.write_bytes(blob)
    console.start(qemu_cmd(kernel=kernel_image, append=APPEND,
                           extra=['-initrd', str(initrd)]))
    texts = [ln.text for ln in console.read_until_exit()]
    assert console.exitstatus == 0
    return texts


def boot_after_busybox(console, qemu_cmd, kernel_image, busybox_initramfs, tmp_path,
                       archives, run):
    """busybox's initramfs, then archives, each padded to 512 bytes as
    `cat a.cpio b.cpio` of cpio's files is; boots running run (a path in
    them) and gives the console's lines."""
    with open(busybox_initramfs, 'rb') as f:
        blob = f.read()
    for archive in archives:
        blob += b'\0' * (-len(blob) % 512) + archive
    initrd = tmp_path / 'initrd.cpio'
    initrd.write_bytes(blob)
    console.start(qemu_cmd(kernel=kernel_image, append=f'{APPEND} -- {run}',
                           extra=['-initrd', str(initrd)]))
    return [ln.text for ln in console.read_until_exit()]


NO_INIT = ('Kernel panic - not syncing: No working init found.  Try passing init= option '
           'to kernel. See Linux Documentation/admin-guide/init.rst for guidance.')


def test_initramfs_unpacked(console, qemu_cmd, kernel_image, tmp_path):
    """Unpacked whole; it holds no program to run, so, as on Linux, the boot
    ends in "No working init found" (test_user.py boots archives with one)."""
    with console.disable_check('panic'):
        texts = boot_with(console, qemu_cmd, kernel_image, tmp_path, newc_archive(GOOD))
    assert TRYING in texts
    assert not [t for t in texts if t.startswith('Initramfs unpacking failed')], texts
    assert NO_INIT in texts


@pytest.mark.parametrize('damage, reason', [
    ('cut', 'truncated archive (no TRAILER!!!)'),
    ('magic', 'no cpio magic'),
    ('orphan', 'parent directory missing'),
])
def test_initramfs_damaged(console, qemu_cmd, kernel_image, tmp_path, damage, reason):
    """A damaged archive is reported, and the boot goes on."""
    blob = newc_archive(GOOD)
    if damage == 'cut':
        blob = blob[:len(blob) - 150]
    elif damage == 'magic':
        blob = b'X' + blob[1:]
    else:
        blob = newc_archive([('nodir/file', 0o100644, b'x')])
    texts = boot_with(console, qemu_cmd, kernel_image, tmp_path, blob)
    assert f'Initramfs unpacking failed: {reason}' in texts
    assert texts[-2:] == ['headstart: boot complete, CPU0 idle', 'reboot: Power down']


def test_initramfs_concatenated(console, qemu_cmd, busybox_initramfs, kernel_image, tmp_path):
    """Two archives one after the other, as `cat a.cpio b.cpio` makes them
    (Linux unpacks each): busybox's, then one adding a script that runs."""
    script = b'#!/bin/sh\necho second archive: $((6 * 7))\n'
    second = newc_archive([('extra.sh', 0o100755, script)])
    texts = boot_after_busybox(console, qemu_cmd, kernel_image, busybox_initramfs, tmp_path,
                               [second], '/extra.sh')
    assert not [t for t in texts if t.startswith('Initramfs unpacking failed')], texts
    assert 'second archive: 42' in texts


def test_initramfs_later_archive_replaces(console, qemu_cmd, busybox_initramfs, kernel_image,
                                          tmp_path):
    """A later archive replaces what an earlier one made, as Linux's
    init/initramfs.c does (clean_path, then the file opened with O_TRUNC):
    a file gets the new data and mode, a symbolic link becomes a file, a
    directory a symbolic link, the script that runs is the second one's; a
    directory with entries stays (Linux's rmdir fails), with a warning."""
    old_script = b'#!/bin/sh\necho the first archive ran\n'
    new_script = (b'#!/bin/sh\n'
                  b'echo "file: $(cat /rep/file) $(stat -c %a /rep/file)"\n'
                  b'echo "link: $(cat /rep/link) $([ -L /rep/link ] || echo regular)"\n'
                  b'echo "dir: $(readlink /rep/dir) $(cat /rep/dir)"\n'
                  b'echo "full: $([ -d /rep/full ] && cat /rep/full/x)"\n')
    second = newc_archive([('rep', 0o040755), ('rep/file', 0o100644, b'old data'),
                           ('rep/link', 0o120777, b'file'), ('rep/dir', 0o040755),
                           ('rep/full', 0o040755), ('rep/full/x', 0o100644, b'kept'),
                           ('run.sh', 0o100755, old_script)])
    third = newc_archive([('rep/file', 0o100600, b'new'),
                          ('rep/link', 0o100644, b'now a file'),
                          ('rep/dir', 0o120777, b'file'),
                          ('rep/full', 0o100644, b'not unpacked'),
                          ('run.sh', 0o100755, new_script)])
    texts = boot_after_busybox(console, qemu_cmd, kernel_image, busybox_initramfs, tmp_path,
                               [second, third], '/run.sh')
    assert not [t for t in texts if t.startswith('Initramfs unpacking failed')], texts
    assert 'Initramfs: /rep/full: a directory with entries is not replaced' in texts
    assert 'the first archive ran' not in texts
    assert 'file: new 600' in texts
    assert 'link: now a file regular' in texts
    assert 'dir: file new' in texts
    assert 'full: kept' in texts


def test_initramfs_hard_links(console, qemu_cmd, busybox_initramfs, kernel_image, tmp_path):
    """Members with the same c_ino and c_nlink 2 or more are names of one
    file, as Linux's maybe_link makes them (cpio -H newc writes a hard-linked
    file that way: the data on its last name): one inode, the link count,
    the data seen through every name; a write through one name shows
    through the others."""
    script = (b'#!/bin/sh\n'
              b'echo "links: $(stat -c %h /hl/a) $(stat -c %h /hl/b) $(stat -c %h /hl/c)"\n'
              b'[ "$(stat -c %i /hl/a)" = "$(stat -c %i /hl/c)" ] && echo "same inode"\n'
              b'echo "data: $(cat /hl/a) $(cat /hl/b) $(cat /hl/c)"\n'
              b'echo changed > /hl/b\n'
              b'echo "after: $(cat /hl/a)"\n')
    second = b''.join([newc_member('hl', 0o040755),
                       newc_member('hl/a', 0o100644, b'', ino=500, nlink=3),
                       newc_member('hl/b', 0o100644, b'', ino=500, nlink=3),
                       newc_member('hl/c', 0o100644, b'one file', ino=500, nlink=3),
                       newc_member('run.sh', 0o100755, script, ino=501)])
    second += newc_member('TRAILER!!!', 0)
    texts = boot_after_busybox(console, qemu_cmd, kernel_image, busybox_initramfs, tmp_path,
                               [second], '/run.sh')
    assert not [t for t in texts if t.startswith('Initramfs')], texts
    assert 'links: 3 3 3' in texts
    assert 'same inode' in texts
    assert 'data: one file one file one file' in texts
    assert 'after: changed' in texts
