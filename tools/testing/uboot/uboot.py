# SPDX-License-Identifier: GPL-2.0
"""Driving Debian's U-Boot for QEMU (qemu_arm64) over the serial console.

    ub = UBoot(console)
    ub.start(qemu_argv)          # -bios u-boot.bin ...
    ub.stop_autoboot()           # a key at "Hit any key to stop autoboot"
    ub.run('setenv bootargs console=ttyAMA0 poweroff')
    ub.env('fdtcontroladdr')     # -> int
    ub.boot('booti ${kernel_addr_r} - ${fdtcontroladdr}')
    console.expect(...)          # then the kernel's lines, as usual

What the tests rely on, as Debian's U-Boot 2023.01 qemu_arm64 has it:
kernel_addr_r=0x40400000, ramdisk_addr_r=0x44000000, bootdelay=2,
bootcmd = distro boot over qfw usb0 scsi0 virtio0 nvme0 dhcp; no
kernel_comp_addr_r/kernel_comp_size (booti of an Image.gz needs both).
"""

import re

UBOOT_BIN = '/usr/lib/u-boot/qemu_arm64/u-boot.bin'

# U-Boot's own words for "this boot went wrong" (boot/bootm.c, cmd/booti.c,
# boot/pxe_utils.c, image-fit.c): fail at once instead of timing out.
UBOOT_BAD_PATTERNS = {
    'uboot_bad_magic': r'Bad Linux ARM64 Image magic',
    'uboot_error': r'### ERROR ###|ERROR: |Error: |Unknown command',
    'uboot_reset': r'resetting \.\.\.',
    'uboot_extlinux': r'EXTLINUX FAILED|SCRIPT FAILED',
    'uboot_fit': r'Bad FIT|Bad hash|Could not find',
    'uboot_comp': r'kernel_comp_addr_r or kernel_comp_size is not provided',
}

PROMPT = re.compile(r'(?m)^=> ')
AUTOBOOT = 'Hit any key to stop autoboot'


class UBoot:
    def __init__(self, console):
        self.con = console

    def start(self, argv):
        self.con.start(argv)
        return self

    def stop_autoboot(self):
        self.con.expect_raw(re.escape(AUTOBOOT))
        self.con.send(' ')
        self.con.expect_raw(PROMPT)

    def run(self, cmd, timeout=None):
        """Type a command, wait for the next prompt, return its output."""
        self.con.send(cmd + '\n')
        self.con.expect_raw(re.escape(cmd), timeout)
        self.con.expect_raw(PROMPT, timeout)
        return self.con.child.before.replace('\r', '').strip('\n')

    def env(self, name):
        out = self.run(f'printenv {name}')
        m = re.fullmatch(rf'{re.escape(name)}=(\S+)', out.strip())
        assert m, f'printenv {name} printed {out!r}'
        return int(m.group(1), 16)

    def boot(self, cmd):
        """Type a boot command; the kernel's lines follow on the console."""
        self.con.send(cmd + '\n')
        self.con.expect_raw(re.escape(cmd))


def newc_cpio(members):
    """A cpio archive in the "newc" format (Linux's initramfs format):
    members is [(name, bytes)] or [(name, bytes, mode)] (default: a
    regular file, 0644); ends with the TRAILER!!! entry."""
    out = bytearray()

    def add(name, data, mode):
        fields = [1, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(name) + 1, 0]
        out.extend(b'070701' + b''.join(b'%08x' % f for f in fields))
        out.extend(name.encode() + b'\0')
        out.extend(b'\0' * (-len(out) % 4))
        out.extend(data)
        out.extend(b'\0' * (-len(out) % 4))
    for name, data, *mode in members:
        add(name, data, mode[0] if mode else 0o100644)
    add('TRAILER!!!', b'', 0)
    return bytes(out)


# The words that make the test initrd's /init power the machine off at once.
INITRD_ARGS = '-- /bin/poweroff'


def write_initrd(path, payload_size, usr_dir):
    """An initrd that boots: usr/'s /init and /bin/poweroff from the build
    (run with INITRD_ARGS at the end of the command line, /init runs
    poweroff), plus one file of payload_size random bytes so the size is
    not a round number and a wrong range shows. Returns its size."""
    import os

    def binary(rel):
        with open(os.path.join(usr_dir, rel), 'rb') as f:
            return f.read()
    blob = newc_cpio([('init', binary('init/init'), 0o100755),
                      ('bin', b'', 0o040755),
                      ('bin/poweroff', binary('bin/poweroff'), 0o100755),
                      ('payload', os.urandom(payload_size))])
    with open(path, 'wb') as f:
        f.write(blob)
    return len(blob)
