# SPDX-License-Identifier: GPL-2.0
"""What seeds getrandom (drivers/char/random.c): /chosen/kaslr-seed counts.

Without an rng-seed the generator's only inputs are /chosen/kaslr-seed and
the counter at rand_initialize, which -icount makes the same on every boot
of the same kernel and tree. So, booting busybox and reading 16 bytes of
/dev/urandom:
  * the same kaslr-seed twice gives the same bytes: nothing else goes in
    (what random.c's comment and the "crng not seeded" warning admit);
  * another kaslr-seed gives other bytes: the seed is mixed in.
kaslr_early_init() wipes the seed from the tree before rand_initialize runs,
with nokaslr too (it is read before the command line is looked at), so both
cases fail if random.c reads only the tree.
"""

import re

import pytest

ICOUNT = ['-icount', 'shift=0,sleep=off', '-seed', '1']
READ = 'console=ttyAMA0 poweroff {} -- /bin/busybox od -An -tx1 -N16 /dev/urandom'
BYTES = re.compile(r'^(?: [0-9a-f]{2}){16}$')


def urandom_bytes(make_console, qemu_cmd, kernel_image, busybox_initramfs, dtb, args, name):
    con = make_console('.' + name)
    con.start(qemu_cmd(kernel=kernel_image, dtb=dtb, memory='256M', append=READ.format(args),
                       extra=['-initrd', busybox_initramfs] + ICOUNT))
    texts = [ln.text for ln in con.read_until_exit(timeout=120)]
    assert any('random: crng not seeded' in t for t in texts), texts[-30:]
    rows = [t for t in texts if BYTES.match(t)]
    assert len(rows) == 1, texts[-30:]
    return rows[0]


@pytest.mark.parametrize('args', ['', 'nokaslr'])
def test_kaslr_seed_feeds_getrandom(make_console, qemu_cmd, kernel_image, busybox_initramfs,
                                    virt_dtb, args):
    dtbs = {}
    for name, seed in (('a', 0x1234567890abcdef), ('b', 0x0fedcba987654321)):
        dtb = virt_dtb(f'{name}.dtb', memory='256M')
        dtb.delete_prop('/chosen', 'rng-seed')
        dtb.set_cells('/chosen', 'kaslr-seed', [seed >> 32, seed & 0xffffffff])
        dtbs[name] = dtb.path
    first = urandom_bytes(make_console, qemu_cmd, kernel_image, busybox_initramfs,
                          dtbs['a'], args, 'a1')
    again = urandom_bytes(make_console, qemu_cmd, kernel_image, busybox_initramfs,
                          dtbs['a'], args, 'a2')
    other = urandom_bytes(make_console, qemu_cmd, kernel_image, busybox_initramfs,
                          dtbs['b'], args, 'b')
    assert first == again, 'same seed, same counter, different bytes: another input?'
    assert first != other, 'a different kaslr-seed gave the same bytes: the seed is not used'
