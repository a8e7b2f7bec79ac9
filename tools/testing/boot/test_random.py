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

With an rng-seed the same holds for its bytes: two 48-byte seeds that
differ only in their last byte give other bytes (all of a seed longer
than the key is folded in), the same seed the same bytes. That boot goes
through the boot stub, as QEMU's loader rewrites rng-seed.
"""

import os
import re

import pytest

ICOUNT = ['-icount', 'shift=0,sleep=off', '-seed', '1']
READ = 'console=ttyAMA0 poweroff {} -- /bin/busybox od -An -tx1 -N16 /dev/urandom'
BYTES = re.compile(r'^(?: [0-9a-f]{2}){16}$')


def urandom_bytes(make_console, qemu_cmd, kernel_image, busybox_initramfs, dtb, args, name,
                  seeded=False):
    con = make_console('.' + name)
    con.start(qemu_cmd(kernel=kernel_image, dtb=dtb, memory='256M', append=READ.format(args),
                       extra=['-initrd', busybox_initramfs] + ICOUNT))
    texts = [ln.text for ln in con.read_until_exit(timeout=120)]
    line = 'random: crng init done' if seeded else 'random: crng not seeded'
    assert any(line in t for t in texts), texts[-30:]
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



IMAGE_AT, DTB_AT, INITRD_AT = 0x40200000, 0x48000000, 0x49000000


def test_rng_seed_feeds_getrandom(make_console, qemu_cmd, kernel_image, busybox_initramfs,
                                  virt_dtb, bootstub, test_dir):
    """Through the boot stub: QEMU's -kernel loader would overwrite the
    tree's rng-seed with bytes of its own (from -seed), so the kernel, its
    tree and the initramfs are put in memory as they are."""
    seed = list(range(0x01020304, 0x01020304 + 12 * 0x04040404, 0x04040404))  # 48 bytes
    end = INITRD_AT + os.path.getsize(busybox_initramfs)
    stub = bootstub.image(os.path.join(test_dir, 'stub.bin'), IMAGE_AT, DTB_AT)
    out = []
    for name, last in (('a1', 0), ('a2', 0), ('b', 1)):
        dtb = virt_dtb(f'{name}.dtb', memory='256M')
        dtb.set_cells('/chosen', 'kaslr-seed', [0x12345678, 0x9abcdef0])
        dtb.set_cells('/chosen', 'rng-seed', seed[:-1] + [seed[-1] ^ last])
        dtb.set_string('/chosen', 'bootargs', READ.format(''))
        dtb.set_cells('/chosen', 'linux,initrd-start', [0, INITRD_AT])
        dtb.set_cells('/chosen', 'linux,initrd-end', [0, end])
        con = make_console('.' + name)
        con.start(qemu_cmd(bios=stub, memory='256M', extra=ICOUNT, loaders=[
            (kernel_image, IMAGE_AT), (dtb.path, DTB_AT), (busybox_initramfs, INITRD_AT)]))
        texts = [ln.text for ln in con.read_until_exit(timeout=120)]
        assert any('random: crng init done' in t for t in texts), texts[-30:]
        rows = [t for t in texts if BYTES.match(t)]
        assert len(rows) == 1, texts[-30:]
        out.append(rows[0])
    assert out[0] == out[1], 'same seeds, same counter, different bytes: another input?'
    assert out[0] != out[2], "the rng-seed's last byte changed nothing: not all of it is used"
