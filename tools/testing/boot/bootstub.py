# SPDX-License-Identifier: GPL-2.0
"""Build the boot tests' tiny AArch64 binaries and patch them per boot.

build_flat() assembles one .S file (through the cross gcc, so #define works)
and links it at address 0 into a flat binary.  BootStub wraps bootstub.S,
the -bios firmware that enters a kernel with chosen x0..x3; Probe wraps
harness_probe.S, the stand-in kernel of test_harness.py.  Each is built once
per session; image() writes a copy with its parameter block filled in.
"""

import os
import struct
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))


def _run(argv):
    res = subprocess.run(argv, capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError(f'{" ".join(argv)} failed:\n{res.stderr}')
    return res.stdout


def build_flat(source, out_dir, cross_compile='aarch64-linux-gnu-'):
    """Assemble and link `source` at address 0; return (binary bytes,
    {symbol: address})."""
    os.makedirs(out_dir, exist_ok=True)
    stem = os.path.splitext(os.path.basename(source))[0]
    obj = os.path.join(out_dir, stem + '.o')
    elf = os.path.join(out_dir, stem + '.elf')
    binf = os.path.join(out_dir, stem + '.bin')
    _run([cross_compile + 'gcc', '-c', '-o', obj, source])
    _run([cross_compile + 'ld', '-Ttext=0', '-e', '_start', '--build-id=none',
          '-o', elf, obj])
    _run([cross_compile + 'objcopy', '-O', 'binary', '-j', '.text', elf, binf])
    symbols = {}
    for row in _run([cross_compile + 'nm', elf]).splitlines():
        addr, _, name = row.split()
        symbols[name] = int(addr, 16)
    with open(binf, 'rb') as f:
        return f.read(), symbols


class _Flat:
    SOURCE = None

    def __init__(self, out_dir, cross_compile='aarch64-linux-gnu-'):
        self.blob, self.symbols = build_flat(
            os.path.join(HERE, self.SOURCE), out_dir, cross_compile)

    def _symbol(self, name, expected):
        # The offsets are a contract with the .S file: check, do not trust.
        addr = self.symbols.get(name)
        if addr != expected:
            raise RuntimeError(f'{self.SOURCE}: {name} at {addr}, expected '
                               f'{expected:#x}')
        return addr

    def _write(self, path, blob):
        with open(path, 'wb') as f:
            f.write(blob)
        return os.fspath(path)


class BootStub(_Flat):
    """bootstub.S: -bios firmware that jumps to `entry` with x0..x3."""
    SOURCE = 'bootstub.S'
    PARAMS = 0x40

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._symbol('bootstub_params', self.PARAMS)

    def image(self, path, entry, x0=0, x1=0, x2=0, x3=0, copy_from=0, copy_size=0):
        """Write a stub that enters `entry` with x0..x3 to `path`, after
        copying copy_size bytes from copy_from to entry if copy_size."""
        if not entry:
            raise ValueError('entry must be nonzero')
        copy_size = (copy_size + 7) & ~7
        blob = bytearray(self.blob)
        struct.pack_into('<7Q', blob, self.PARAMS, entry, x0, x1, x2, x3,
                         copy_from, copy_size)
        return self._write(path, blob)


class Probe(_Flat):
    """harness_probe.S: prints its entry registers and EL, then `message`,
    then powers off (or spins if hang=True)."""
    SOURCE = 'harness_probe.S'
    FLAGS = 0x40
    MESSAGE = 0x48
    MESSAGE_MAX = 0x100 - 0x48 - 1

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._symbol('probe_flags', self.FLAGS)
        self._symbol('probe_message', self.MESSAGE)

    def image(self, path, message='', hang=False):
        text = message.encode()
        if len(text) > self.MESSAGE_MAX:
            raise ValueError('probe message too long')
        blob = bytearray(self.blob)
        struct.pack_into('<Q', blob, self.FLAGS, 1 if hang else 0)
        blob[self.MESSAGE:self.MESSAGE + len(text) + 1] = text + b'\0'
        return self._write(path, blob)


class SpinTableStub(_Flat):
    """spintable_stub.S: -bios firmware that parks CPUs 1..nr_cpus-1 in a
    spin-table loop (each on its word at release_base + 8 * n) and enters
    the kernel on CPU 0 with x0 = dtb; drop_to_el1 starts the parked
    CPUs at EL1 when the stub runs at EL2."""
    SOURCE = 'spintable_stub.S'
    PARAMS = 0x100

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._symbol('stub_params', self.PARAMS)

    def image(self, path, entry, dtb, nr_cpus, release_base, drop_to_el1=False):
        if not entry or not release_base or nr_cpus < 1:
            raise ValueError('entry, release_base and nr_cpus >= 1 are needed')
        blob = bytearray(self.blob)
        struct.pack_into('<5Q', blob, self.PARAMS, entry, dtb, nr_cpus,
                         release_base, 1 if drop_to_el1 else 0)
        return self._write(path, blob)
