# SPDX-License-Identifier: GPL-2.0
"""tools/testing/unit/test_efistub_relocs.py: the EFI stub's objects hold no
link-time address.

The stub (drivers/firmware/efi/libstub/, and efi_enter_kernel in
arch/arm64/kernel/efi-entry.S) runs at the physical address the firmware
loaded the Image at, with the firmware's identity map, before the kernel
is anywhere near its link address (KIMAGE_VADDR). Any absolute address in
it (an R_AARCH64_ABS64 in code or data: an initialised pointer, a literal
pool entry) or a GOT load would point into unmapped kernel virtual space.
Linux's build refuses such stub objects; this test does the same for
every object in $UNIT_OBJTREE's libstub, debug sections excepted, and
checks that the test itself notices one (a compiled pointer table).
Skipped when the build has CONFIG_EFI_STUB off.
"""

import glob
import os
import re
import subprocess

import pytest

OBJTREE = os.environ.get('UNIT_OBJTREE', '.')
OUT = os.environ.get('UNIT_OUT', '/tmp')
READELF = os.environ.get('UNIT_READELF', 'aarch64-linux-gnu-readelf')
CC = os.environ.get('UNIT_TARGET_CC', 'aarch64-linux-gnu-gcc')

# Position-independent ways to reach code and data: PC-relative pages and
# their low 12 bits, branches, PC-relative data words (.eh_frame).
ALLOWED = re.compile(r'R_AARCH64_(ADR_PREL_PG_HI21|ADR_PREL_LO21|ADD_ABS_LO12_NC|'
                     r'LDST(8|16|32|64|128)_ABS_LO12_NC|CALL26|JUMP26|'
                     r'PREL(16|32|64)|CONDBR19|TSTBR14|LD_PREL_LO19)$')


def config(name):
    with open(os.path.join(OBJTREE, 'include', 'config', 'auto.conf')) as f:
        return f'{name}=y\n' in f.readlines()


def bad_relocs(obj):
    """[(section, type, symbol)] of relocations a stub object must not have."""
    out = subprocess.run([READELF, '-rW', obj], check=True, capture_output=True,
                         text=True).stdout
    bad, section = [], None
    for line in out.splitlines():
        m = re.match(r"Relocation section '([^']+)'", line)
        if m:
            section = m.group(1)
            continue
        fields = line.split()
        if len(fields) >= 3 and fields[2].startswith('R_AARCH64_'):
            if section and '.debug' in section:
                continue
            if not ALLOWED.match(fields[2]):
                bad.append((section, fields[2], fields[4] if len(fields) > 4 else ''))
    return bad


def stub_objects():
    objs = sorted(glob.glob(os.path.join(OBJTREE, 'drivers', 'firmware', 'efi',
                                         'libstub', '*.o')))
    entry = os.path.join(OBJTREE, 'arch', 'arm64', 'kernel', 'efi-entry.o')
    return objs + [entry]


def test_stub_objects_are_position_independent():
    if not config('CONFIG_EFI_STUB'):
        pytest.skip('CONFIG_EFI_STUB is off in this build')
    objs = stub_objects()
    assert len(objs) >= 7, f'stub objects missing: {objs}'
    for obj in objs:
        assert os.path.isfile(obj), f'{obj} not built'
        assert not bad_relocs(obj), f'{obj}: absolute relocations {bad_relocs(obj)}'


def test_check_sees_an_absolute_address(tmp_path):
    """The check fails on what it must refuse: a table of pointers, built
    with the stub's own flags."""
    src = tmp_path / 'table.c'
    src.write_text('static const char a[] = "a", b[] = "b";\n'
                   'const char *const names[] = { a, b };\n')
    obj = tmp_path / 'table.o'
    subprocess.run([CC, '-fpie', '-O2', '-c', '-o', str(obj), str(src)], check=True)
    assert any(t == 'R_AARCH64_ABS64' for _, t, _ in bad_relocs(str(obj)))
