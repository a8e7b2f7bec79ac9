# SPDX-License-Identifier: GPL-2.0
"""A dozen boots of the DTB fuzzer (fuzz_dtb.py) on every `make check`:
mutated device trees and command lines, both boot routes, none of which may
end silent, hung or crashed. The seed is fixed, so that `make check` gives
the same answer every time; a failure names the seed and boot number, and
`tools/testing/boot/fuzz_dtb.py --seed S --first N --boots 1` repeats it.
The full run (a few hundred boots, other seeds) is `make fuzz-dtb`.
"""

import fuzz_dtb

SAMPLE = 12
SEED = 14


def test_fuzz_sample(boot_env, kernel_image):
    seed = SEED
    fz = fuzz_dtb.Fuzzer(boot_env.build_dir, seed, qemu=boot_env.qemu,
                         cross_compile=boot_env.cross_compile)
    failed = []
    for n in range(SAMPLE):
        route, what, out = fz.boot(n)
        if out.kind in fuzz_dtb.FAILURES:
            failed.append(f'seed={seed} n={n} {route} {what}: {out.kind}: {out.why} '
                          f'(log {fz.work}/boot{n}.log)')
    assert not failed, '\n'.join(failed)
