# SPDX-License-Identifier: GPL-2.0
"""tools/testing/unit/test_vdso_elf.py: the vDSO the build made
(arch/arm64/kernel/vdso/vdso.so in $UNIT_OBJTREE), read with readelf.

Every process maps the same pages of it, read-only, and no dynamic linker
ever processes it (glibc only looks symbols up in it), so it must be a
shared object with exactly the four functions Linux exports on arm64 at
version LINUX_2.6.39, one read+execute PT_LOAD and nothing writable, no
relocation at all and no library it would need. The kernel's offset of
__kernel_rt_sigreturn (include/generated/vdso-offsets.h, where signal
handlers return) must be that symbol, and its bytes must be Linux's
sigreturn sequence. The checker itself must refuse an ordinary shared
object that has data and a pointer in it.
"""

import os
import re
import struct
import subprocess

import pytest

OBJTREE = os.environ.get('UNIT_OBJTREE', '.')
READELF = os.environ.get('UNIT_READELF', 'aarch64-linux-gnu-readelf')
CC = os.environ.get('UNIT_TARGET_CC', 'aarch64-linux-gnu-gcc')

VDSO = os.path.join(OBJTREE, 'arch', 'arm64', 'kernel', 'vdso', 'vdso.so')
OFFSETS = os.path.join(OBJTREE, 'include', 'generated', 'vdso-offsets.h')
FUNCTIONS = {'__kernel_clock_gettime', '__kernel_gettimeofday', '__kernel_clock_getres',
             '__kernel_rt_sigreturn'}
NOP, MOV_X8_139, SVC_0 = 0xd503201f, 0xd2801168, 0xd4000001


def readelf(*args, path=VDSO):
    return subprocess.run([READELF, '-W', *args, path], check=True, capture_output=True,
                          text=True).stdout


def problems(path):
    """What keeps path from being a vDSO: a list of sentences, empty if none."""
    found = []
    hdr = readelf('-h', path=path)
    if not re.search(r'Type:\s+DYN', hdr) or 'AArch64' not in hdr:
        found.append('not an AArch64 shared object')
    relocs = readelf('-r', path=path)
    if re.search(r'R_AARCH64_\w+', relocs):
        found.append('relocations: ' + ' '.join(sorted(set(re.findall(r'R_AARCH64_\w+',
                                                                       relocs)))))
    loads = [ln.split() for ln in readelf('-l', path=path).splitlines()
             if ln.strip().startswith('LOAD')]
    if len(loads) != 1:
        found.append(f'{len(loads)} PT_LOAD segments')
    if any('W' in ''.join(f[6:-1]) for f in loads):
        found.append('a writable segment')
    dyn = readelf('-d', path=path)
    for tag in ('NEEDED', 'TEXTREL', 'RELA', 'REL', 'JMPREL'):
        if re.search(rf'\({tag}\)', dyn):
            found.append(f'DT_{tag}')
    return found


@pytest.fixture(scope='module')
def vdso():
    if not os.path.isfile(VDSO):
        pytest.fail(f'{VDSO} missing: build the kernel first')
    return VDSO


def test_vdso_is_clean(vdso):
    assert problems(vdso) == []
    assert re.search(r'\(SONAME\)\s+Library soname: \[linux-vdso\.so\.1\]', readelf('-d'))


def test_exports_linux_functions_at_linux_2_6_39(vdso):
    exported = {}
    for line in readelf('--dyn-syms').splitlines():
        f = line.split()
        if len(f) == 8 and f[0][:-1].isdigit() and f[6] != 'UND' and f[3] != 'OBJECT':
            name, _, version = f[7].partition('@@')
            exported[name] = (f[3], f[4], version)
    assert exported == {name: ('FUNC', 'GLOBAL', 'LINUX_2.6.39') for name in FUNCTIONS}
    verdefs = re.findall(r'Flags: (\w+)\s+Index: \d+\s+Cnt: \d+\s+Name: (\S+)', readelf('-V'))
    assert verdefs == [('BASE', 'linux-vdso.so.1'), ('none', 'LINUX_2.6.39')]


def test_sigtramp_offset_is_kernel_rt_sigreturn(vdso):
    with open(OFFSETS) as f:
        m = re.search(r'#define vdso_offset_sigtramp (0x[0-9a-f]+)', f.read())
    assert m, f'no vdso_offset_sigtramp in {OFFSETS}'
    offset = int(m.group(1), 16)
    syms = {f[7].partition('@')[0]: int(f[1], 16) for f in
            (ln.split() for ln in readelf('--dyn-syms').splitlines())
            if len(f) == 8 and f[0][:-1].isdigit()}
    assert syms['__kernel_rt_sigreturn'] == offset
    with open(vdso, 'rb') as f:
        image = f.read()
    # Linked at 0 in one segment from file offset 0: addresses are file offsets.
    assert struct.unpack_from('<3I', image, offset - 4) == (NOP, MOV_X8_139, SVC_0)


def test_checker_refuses_data_and_pointers(tmp_path):
    src = tmp_path / 'bad.c'
    src.write_text('int counter;\nint *const where = &counter;\n'
                   'int bump(void) { return ++counter; }\n')
    so = tmp_path / 'bad.so'
    subprocess.run([CC, '-shared', '-fPIC', '-nostdlib', '-O2', '-o', str(so), str(src)],
                   check=True)
    found = problems(str(so))
    assert any(p.startswith('relocations') for p in found), found
    assert 'a writable segment' in found, found
