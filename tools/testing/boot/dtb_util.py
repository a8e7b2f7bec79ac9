# SPDX-License-Identifier: GPL-2.0
"""Device tree blobs for boot tests: dump QEMU's, edit them, break them.

dump_qemu_dtb() asks QEMU for the DTB it would give a guest
(-M virt,dumpdtb=FILE), so a test starts from the machine's real tree and
changes only what it is about.  Dtb edits properties with dtc's fdtput and
reads the blob's header and structure block itself (big-endian, as in the
devicetree specification) to corrupt exactly one field or tag.
CORRUPTIONS lists the broken DTBs the boot tests use, each with the error
libfdt gives for it; libfdt_check() asks the host's libfdt (through ctypes)
so test_harness.py can confirm those names are libfdt's own answers.
"""

import ctypes
import ctypes.util
import os
import shutil
import struct
import subprocess

from qemu_console import qemu_command

FDT_MAGIC = 0xd00dfeed
FDT_BEGIN_NODE = 0x1
FDT_END_NODE = 0x2
FDT_PROP = 0x3
FDT_NOP = 0x4
FDT_END = 0x9

# struct fdt_header: ten big-endian u32s, in this order.
HEADER_FIELDS = ('magic', 'totalsize', 'off_dt_struct', 'off_dt_strings',
                 'off_mem_rsvmap', 'version', 'last_comp_version',
                 'boot_cpuid_phys', 'size_dt_strings', 'size_dt_struct')


def dump_qemu_dtb(path, **machine):
    """Write the DTB QEMU generates for `machine` (qemu_command() keywords:
    cpu, memory, gic, virtualization, smp, ...) to `path`."""
    path = os.fspath(path)
    if os.path.exists(path):
        os.unlink(path)
    opts = tuple(machine.pop('machine_opts', ())) + (
        'dumpdtb=' + path.replace(',', ',,'),)
    argv = qemu_command(machine_opts=opts, **machine)
    res = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True,
                         text=True, timeout=60)
    if res.returncode != 0 or not os.path.exists(path):
        raise RuntimeError(f'{" ".join(argv)} failed ({res.returncode}): '
                           f'{res.stderr.strip()}')
    return path


def _run(argv):
    res = subprocess.run(argv, capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError(f'{" ".join(argv)}: {res.stderr.strip()}')
    return res.stdout


class Dtb:
    """A DTB file on disk, edited in place."""

    def __init__(self, path):
        self.path = os.fspath(path)

    def copy(self, dest):
        shutil.copyfile(self.path, dest)
        return Dtb(dest)

    def read(self):
        with open(self.path, 'rb') as f:
            return f.read()

    # ---- properties, through dtc's tools ---------------------------------

    def set_string(self, node, prop, value):
        _run(['fdtput', '-t', 's', self.path, node, prop, value])

    def set_cells(self, node, prop, cells):
        """Set `prop` to a list of u32 cells."""
        _run(['fdtput', '-t', 'x', self.path, node, prop]
             + [f'{c:x}' for c in cells])

    def create_node(self, node):
        _run(['fdtput', '-c', self.path, node])

    def delete_node(self, node):
        _run(['fdtput', '-r', self.path, node])

    def delete_prop(self, node, prop):
        _run(['fdtput', '-d', self.path, node, prop])

    def get(self, node, prop, type_='s'):
        return _run(['fdtget', '-t', type_, self.path, node, prop]).strip()

    def pack(self):
        """Rewrite the blob without its free space (QEMU's dump is padded
        to 1 MiB, and QEMU's -dtb doubles what it loads)."""
        _run(['dtc', '-q', '-I', 'dtb', '-O', 'dtb', '-o', self.path, self.path])

    def to_dts(self):
        return _run(['dtc', '-q', '-I', 'dtb', '-O', 'dts', self.path])

    # ---- raw blob --------------------------------------------------------

    def header(self):
        vals = struct.unpack_from('>10I', self.read(), 0)
        return dict(zip(HEADER_FIELDS, vals))

    def set_header(self, **fields):
        """Overwrite header fields (names from HEADER_FIELDS)."""
        for name, value in fields.items():
            self.poke(4 * HEADER_FIELDS.index(name), struct.pack('>I', value))

    def poke(self, offset, data):
        """Overwrite bytes at `offset` in the file."""
        with open(self.path, 'r+b') as f:
            f.seek(offset)
            f.write(data)

    def nodes(self):
        """Yield (path, offset) for every node: offset is the file offset of
        its FDT_BEGIN_NODE tag."""
        blob = self.read()
        hdr = self.header()
        off = hdr['off_dt_struct']
        end = off + hdr['size_dt_struct']
        stack = []
        while off < end:
            (tag,) = struct.unpack_from('>I', blob, off)
            if tag == FDT_BEGIN_NODE:
                name_end = blob.index(b'\0', off + 4)
                name = blob[off + 4:name_end].decode()
                stack.append(name)
                yield '/' + '/'.join(stack[1:]), off
                off = _align4(name_end + 1)
            elif tag == FDT_END_NODE:
                stack.pop()
                off += 4
            elif tag == FDT_PROP:
                length, _ = struct.unpack_from('>II', blob, off + 4)
                off = _align4(off + 12 + length)
            elif tag == FDT_NOP:
                off += 4
            elif tag == FDT_END:
                return
            else:
                raise ValueError(f'{self.path}: bad tag {tag:#x} at {off:#x}')

    def node_offset(self, path):
        for p, off in self.nodes():
            if p == path:
                return off
        raise KeyError(path)


def _align4(n):
    return (n + 3) & ~3


# ---- broken blobs ----------------------------------------------------------

def _bad_magic(dtb):
    dtb.poke(0, b'\xde\xad\xbe\xef')


def _truncated(dtb):
    # totalsize one byte short of the end of the strings block.
    h = dtb.header()
    dtb.set_header(totalsize=h['off_dt_strings'] + h['size_dt_strings'] - 1)


def _bad_version(dtb):
    # A future format: last compatible version 18 > 17, the newest there is.
    dtb.set_header(version=18, last_comp_version=18)


def _bad_structure(dtb):
    # Garbage in place of the first /memory node's FDT_BEGIN_NODE tag; the
    # header stays valid, so only walking the structure block finds it.
    path = next(p for p, _ in dtb.nodes() if p.startswith('/memory'))
    dtb.poke(dtb.node_offset(path), b'\xde\xad\xbe\xef')


# name -> (corrupt(dtb) in place, libfdt's error for the result)
CORRUPTIONS = {
    'bad-magic': (_bad_magic, 'FDT_ERR_BADMAGIC'),
    'truncated': (_truncated, 'FDT_ERR_TRUNCATED'),
    'bad-version': (_bad_version, 'FDT_ERR_BADVERSION'),
    'bad-structure': (_bad_structure, 'FDT_ERR_BADSTRUCTURE'),
}


def libfdt_check(path):
    """(fdt_check_header, fdt_check_full) of the host libfdt on the blob
    at `path`, each as None (valid) or libfdt's error name."""
    name = ctypes.util.find_library('fdt')
    if name is None:
        raise RuntimeError('host libfdt not found (Debian: libfdt1)')
    lib = ctypes.CDLL(name)
    lib.fdt_strerror.restype = ctypes.c_char_p
    lib.fdt_check_full.argtypes = [ctypes.c_char_p, ctypes.c_size_t]
    lib.fdt_check_header.argtypes = [ctypes.c_char_p]
    # The blob as the kernel sees it: memory from its start, as large as the
    # file (the kernel trusts totalsize, so check_full gets totalsize too).
    blob = Dtb(path).read()
    buf = ctypes.create_string_buffer(blob, len(blob))
    total = int.from_bytes(blob[4:8], 'big')
    out = []
    for err in (lib.fdt_check_header(buf),
                lib.fdt_check_full(buf, min(total, len(blob)))):
        out.append(None if err == 0 else lib.fdt_strerror(err).decode())
    return tuple(out)
