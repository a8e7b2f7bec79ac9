# SPDX-License-Identifier: GPL-2.0
"""gdb on the EFI stub and on primary_entry after it (EDK2, QEMU -kernel),
as Documentation/arm64/uefi.rst shows:

  1. one boot with efi=debug: the stub says where EDK2 loaded the Image and
     where the kernel will run (EDK2 makes the same choices each boot of
     the same command line; the second boot checks that it did);
  2. the same boot stopped at reset, gdb-multiarch on QEMU's gdbstub:
     vmlinux's symbols at the load offset, `hbreak efi_pe_entry` stops at
     the stub's first line, and a hardware breakpoint at the copy's
     primary_entry stops there with the MMU off and x0 the device tree,
     as booting.rst requires; vmlinux's symbols reloaded at the copy's
     offset name it and its head.S line; then the kernel runs to the end.
"""

import os
import re
import subprocess
import time

from qemu_console import QemuConsole, qemu_command
from test_gdb import Session, _free_port, _listening, system_map

EDK2 = '/usr/share/qemu-efi-aarch64/QEMU_EFI.fd'
APPEND = 'console=ttyAMA0 efi=debug poweroff gdb.test=efi'
STUB_RE = re.compile(r'(?:\x1b\[[0-9;=?]*[A-Za-z])*EFI stub: (Image loaded|efi_pe_entry|'
                     r'Kernel placed|primary_entry) at (0x[0-9a-f]{16})')


def edk2_argv(env, extra=()):
    return qemu_command(qemu=env.qemu, bios=EDK2, machine_opts=('acpi=off',),
                        kernel=env.file('arch/arm64/boot/Image'), append=APPEND,
                        extra=list(extra))


def stub_addresses(con):
    where = {}
    while len(where) < 4:
        m = con.expect(STUB_RE).match
        where[m.group(1)] = int(m.group(2), 16)
    return where


def test_break_at_stub_entry_then_primary_entry(env):
    syms = system_map(env.file('System.map'))
    os.makedirs(env.tmp_dir, exist_ok=True)

    # 1. where EDK2 puts things
    con = QemuConsole(os.path.join(env.tmp_dir, 'efi-pass1-console.log'), timeout=60,
                      title='tools/testing/gdb efi pass 1')
    try:
        con.start(edk2_argv(env))
        where = stub_addresses(con)
        assert con.wait_exit(timeout=60) == 0
    finally:
        con.kill()
    load, primary = where['Image loaded'], where['primary_entry']
    assert where['efi_pe_entry'] == load + syms['efi_pe_entry'] - syms['_text']
    assert primary == where['Kernel placed'] + syms['primary_entry'] - syms['_text']
    assert primary % 4 == 0 and where['Kernel placed'] % (2 << 20) == 0

    # 2. stopped at reset, under gdb
    port = _free_port()
    script = os.path.join(env.tmp_dir, 'efi.gdb')
    with open(script, 'w') as f:
        f.write(f'''set pagination off
set confirm off
target remote :{port}
add-symbol-file {env.file('vmlinux')} -o {load:#x}-{syms['_text']:#x}
echo @@stub\\n
hbreak efi_pe_entry
continue
info registers pc
echo @@primary\\n
delete
hbreak *{primary:#x}
continue
info registers pc x0
p/x $SCTLR
x/wx $pc
echo @@symbols\\n
remove-symbol-file -a {where['efi_pe_entry']:#x}
add-symbol-file {env.file('vmlinux')} -o {where['Kernel placed']:#x}-{syms['_text']:#x}
info symbol $pc
info line *$pc
echo @@end\\n
delete
continue
''')
    con = QemuConsole(os.path.join(env.tmp_dir, 'efi-pass2-console.log'), timeout=60,
                      title='tools/testing/gdb efi pass 2')
    try:
        con.start(edk2_argv(env, ['-S', '-gdb', f'tcp:127.0.0.1:{port}']))
        deadline = time.monotonic() + 10
        while not _listening(port):
            assert time.monotonic() < deadline, 'QEMU\'s gdbstub is not listening'
            time.sleep(0.05)
        res = subprocess.run([env.gdb, '-batch', '-nx', '-x', script],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             text=True, timeout=180, cwd=env.build_dir)
        with open(os.path.join(env.tmp_dir, 'efi-output.txt'), 'w') as f:
            f.write(res.stdout)
        s = Session(res.stdout)
        assert stub_addresses(con) == where, 'EDK2 placed the Image elsewhere this time'
        assert con.wait_exit(timeout=60) == 0
    finally:
        con.kill()

    out = s['stub']
    assert re.search(r'Breakpoint 1, efi_pe_entry \(handle=0x[0-9a-f]+, systab=0x[0-9a-f]+\)'
                     r' at \S*drivers/firmware/efi/libstub/efi-stub\.c:\d+', out), out
    assert re.search(rf'^pc +{where["efi_pe_entry"]:#x} ', out, re.M), out

    out = s['primary']
    assert re.search(rf'^pc +{primary:#x} ', out, re.M), out
    x0 = int(re.search(r'^x0 +(0x[0-9a-f]+)', out, re.M).group(1), 16)
    assert x0 and x0 % 8 == 0, f'x0 = {x0:#x} is not a device tree address'
    sctlr = int(re.search(r'^\$\d+ = (0x[0-9a-f]+)', out, re.M).group(1), 16)
    assert sctlr & 0b101 == 0, f'SCTLR(_EL1) {sctlr:#x}: MMU or D-cache still on'
    # the copy holds the Image's bytes: primary_entry's first instruction
    with open(env.file('arch/arm64/boot/Image'), 'rb') as f:
        f.seek(syms['primary_entry'] - syms['_text'])
        insn = int.from_bytes(f.read(4), 'little')
    assert re.search(rf'^{primary:#x}:\s+{insn:#010x}$', out, re.M), out

    # vmlinux's symbols again, at the copy: head.S's source lines
    out = s['symbols']
    assert 'primary_entry in section .init.text' in out, out
    assert re.search(r'Line \d+ of "\S*arch/arm64/kernel/head\.S"', out), out
