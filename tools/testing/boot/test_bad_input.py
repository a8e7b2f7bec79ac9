# SPDX-License-Identifier: GPL-2.0
"""Bad input from the boot loader: never silent, never a crash.

Each test changes one thing in QEMU's own virt device tree (fdtput on the
dumped blob) or in the command line, and boots it either exactly as
written (bootstub.S, the blob placed by -device loader) or through QEMU's
-dtb.  Whatever is wrong, the log must reach the serial port with a line
saying what, and the boot must end either normally or with a halt (and a
power-off when `poweroff` asks for one):

  * no usable console (no /chosen, a stdout-path to nowhere, no PL011, a
    PL011 with a bad reg, console= naming nothing here): the kernel falls
    back to the stdout-path UART, else the first usable PL011, else the
    fallback UART, and says why;
  * loglevel=0 or -1: quiet, but a panic still prints; loglevel=abc is
    refused and changes nothing;
  * console= up to 8 times, as on Linux;
  * earlycon= at an address no PL011 of the tree has: refused;
  * the kernel image outside every /memory range, or /memory describing
    RAM that is not there or beyond the CPU's physical addresses: a
    panic (or a warning) that says so;
  * /psci method = "smc" where smc is undefined: probed safely, no PSCI;
  * a panic before the memory is known still powers off (PSCI is probed
    as soon as the tree is readable);
  * more /memory ranges than memblock holds: reported;
  * lines longer than the replay buffer keep their newline.
"""

import re

import pytest

from test_boot import (BOOT_COMPLETE, DTB_AT, IMAGE_LOW, POWER_DOWN, BootLog,  # noqa: F401
                       boot_kernel, boot_stub, boot_to_poweroff, reg_cells)

UART = '/pl011@9000000'
NO_POWEROFF = 'reboot: no way to power off (no PSCI): halting'
FALLBACK_DEBUG_UART = ('printk: no console: falling back to the UART at 0x9000000 '
                       '(CONFIG_DEBUG_UART_PHYS)')
FALLBACK_STDOUT = 'printk: falling back to ttyAMA0, the /chosen/stdout-path UART'
FALLBACK_FIRST = 'printk: falling back to ttyAMA0, the first usable PL011'


def stub_boot(boot_stub, dtb, bootargs, **machine):
    if bootargs is not None:
        dtb.set_string('/chosen', 'bootargs', bootargs)
    return boot_stub(IMAGE_LOW, dtb, **machine)


# ---- no usable console: fall back, and say why -----------------------------

def _no_chosen(dtb):
    dtb.delete_node('/chosen')


def _stdout_missing(dtb):
    dtb.set_string('/chosen', 'stdout-path', '/no-such-uart@1234')


def _no_pl011(dtb):
    dtb.delete_node(UART)


def _disabled_pl011(dtb):
    dtb.set_string(UART, 'status', 'disabled')


def _reg_size_zero(dtb):
    dtb.set_cells(UART, 'reg', [0, 0x09000000, 0, 0])


def _reg_three_cells(dtb):
    dtb.set_cells(UART, 'reg', [0, 0x09000000, 0])


def _reg_elsewhere(dtb):
    # An address with nothing behind it: the id registers do not answer.
    dtb.set_cells(UART, 'reg', [0xdea, 0xdbee0000, 0, 0x1000])


# name -> (edit, bootargs without `poweroff`, what must be printed)
NO_CONSOLE = {
    'no-chosen': (_no_chosen, None,
                  ['printk: no console= and no usable /chosen/stdout-path', FALLBACK_FIRST]),
    'stdout-path-missing': (_stdout_missing, 'earlycon=pl011,0x9000000',
                            ['printk: no console= and no usable /chosen/stdout-path',
                             FALLBACK_FIRST]),
    'no-pl011': (_no_pl011, '', ['printk: no console= and no usable /chosen/stdout-path',
                                 FALLBACK_DEBUG_UART]),
    'pl011-disabled': (_disabled_pl011, '',
                       ['pl011: cannot use pl011@9000000: status is not "okay"',
                        FALLBACK_DEBUG_UART]),
    'reg-size-0': (_reg_size_zero, 'console=ttyAMA0',
                   ['pl011: cannot use pl011@9000000: reg size 0x0, a PL011 needs 0x1000',
                    FALLBACK_DEBUG_UART]),
    'reg-3-cells': (_reg_three_cells, '',
                    [re.compile(r'pl011: cannot use pl011@9000000: no usable reg .*'),
                     FALLBACK_DEBUG_UART]),
    'reg-nothing-there': (_reg_elsewhere, '',
                          ['pl011: cannot use pl011@9000000: no PrimeCell answers at '
                           '0xdeadbee0000', FALLBACK_DEBUG_UART]),
    'console-ttyS0': (None, 'console=ttyS0',
                      ['printk: console=ttyS0: no such console here', FALLBACK_STDOUT]),
    'console-ttyAMA9': (None, 'console=ttyAMA9',
                        ['printk: console=ttyAMA9: no such console here', FALLBACK_STDOUT]),
    'console-foo': (None, 'console=foo,115200n8',
                    ['printk: console=foo: no such console here', FALLBACK_STDOUT]),
    'console-empty': (None, 'console=',
                      ['printk: console=(empty): no such console here', FALLBACK_STDOUT]),
}


@pytest.mark.parametrize('route', ['stub', 'dtb'])
@pytest.mark.parametrize('case', list(NO_CONSOLE))
def test_console_fallback(boot_stub, boot_kernel, virt_dtb, qemu_cmd, console,
                          kernel_image, case, route):
    """The boot completes and powers off with its whole log (every line
    stamped, from the Booting line on) on the serial port, saying why."""
    edit, bootargs, expected = NO_CONSOLE[case]
    dtb = virt_dtb()
    if edit:
        edit(dtb)
    append = ' '.join(a for a in (bootargs, 'poweroff') if a)
    if route == 'stub':
        if case == 'no-chosen':
            pytest.skip('no /chosen: the blob as written has no bootargs, so no poweroff')
        if dtb.to_dts().find('chosen {') < 0:
            dtb.create_node('/chosen')
        con = stub_boot(boot_stub, dtb, append)
    else:
        # QEMU doubles a -dtb blob's size: QEMU's own padded 1 MiB dump
        # would pass MAX_FDT_SIZE (as on Linux); dtc packs it first.
        dtb.pack()
        console.require_stamp = True
        console.start(qemu_cmd(kernel=kernel_image, dtb=dtb.path, append=append))
        con = console
    log = boot_to_poweroff(con)
    log.check_stamps()
    assert log.texts[0].startswith('Booting headstart'), str(log)
    for want in expected:
        log.one(want)
    assert log.texts[-2:] == [BOOT_COMPLETE, POWER_DOWN], str(log)


def test_no_chosen_as_written(boot_stub, virt_dtb):
    """No /chosen at all (so no bootargs, no poweroff): the log still
    reaches the first PL011, and the boot completes."""
    dtb = virt_dtb()
    dtb.delete_node('/chosen')
    con = boot_stub(IMAGE_LOW, dtb)
    con.expect('printk: no console= and no usable /chosen/stdout-path')
    con.expect(FALLBACK_FIRST)
    con.expect(BOOT_COMPLETE)


def test_console_eight_entries(boot_kernel):
    """Linux keeps 8 console= options: the 8th is still looked at."""
    others = ' '.join(f'console=ttyS{i}' for i in range(7))
    log = boot_to_poweroff(boot_kernel(append=f'{others} console=ttyAMA0 poweroff'))
    log.none(r'^printk: (console=|falling back|no console|more than)')
    log.one(re.compile(r'9000000\.pl011: ttyAMA0 at MMIO 0x9000000 is a PL011 rev\d+'))


def test_console_nine_entries(boot_kernel):
    """A 9th console= is refused with a warning (then the fallback)."""
    nine = ' '.join(f'console=ttyS{i}' for i in range(8))
    log = boot_to_poweroff(boot_kernel(append=f'{nine} console=ttyAMA0 poweroff'))
    log.one('printk: more than 8 console= options: console=ttyAMA0 ignored')
    log.one(FALLBACK_STDOUT)


# ---- loglevel ----------------------------------------------------------------

@pytest.mark.parametrize('level', ['0', '-1'])
def test_loglevel_quiet(boot_kernel, level):
    """loglevel=0 (or -1): nothing on the console during a good boot; it
    still ends with the power-off asked for."""
    con = boot_kernel(append=f'console=ttyAMA0 loglevel={level} poweroff')
    con.require_stamp = False
    lines = con.read_until_exit()
    assert con.exitstatus == 0
    assert [ln.raw for ln in lines if not ln.raw.startswith('qemu-system-')] == []


@pytest.mark.parametrize('level', ['0', '-1'])
def test_loglevel_panic_prints(boot_kernel, level):
    """loglevel=0, then an oops (test.crash=bug) and its panic: they are
    shown in full, then the power-off."""
    con = boot_kernel(append=f'console=ttyAMA0 loglevel={level} test.crash=bug poweroff')
    with con.disable_check('panic'), con.disable_check('internal_error'):
        lines = con.read_until_exit()
    texts = [ln.text for ln in lines]
    assert any(t.startswith('Internal error: Oops - BUG') for t in texts), texts
    assert any(t.startswith('Kernel panic - not syncing: Oops - BUG') for t in texts), texts
    assert texts[-1] == POWER_DOWN and con.exitstatus == 0


def test_loglevel_not_a_number(boot_kernel):
    """loglevel=abc is refused, as Linux refuses it, and the level stays."""
    append = 'console=ttyAMA0 loglevel=abc poweroff'
    log = boot_to_poweroff(boot_kernel(append=append))
    log.one("Malformed early option 'loglevel'")
    log.one(f'Kernel command line: {append}')
    assert log.texts[-2:] == [BOOT_COMPLETE, POWER_DOWN]


# ---- earlycon= ----------------------------------------------------------------

@pytest.mark.parametrize('addr', [0x0, 0xdeadbeef000, 0x9000800])
def test_earlycon_bad_address(boot_kernel, addr):
    """No hang (address 0 is flash, whose "flag register" never clears) and
    no external abort (nothing at all there): refused, and the boot goes
    on to the real console."""
    append = f'console=ttyAMA0 earlycon=pl011,{addr:#x} poweroff'
    log = boot_to_poweroff(boot_kernel(append=append))
    log.one(f'earlycon: pl011 at {addr:#x}: no arm,pl011 node in the device tree has its '
            'registers there: earlycon not enabled')
    log.none(r'^earlycon: pl11 at')
    assert log.texts[-2:] == [BOOT_COMPLETE, POWER_DOWN]


def test_earlycon_in_tree_but_absent(boot_stub, virt_dtb):
    """The tree names a PL011 where nothing answers, and earlycon= points
    there: the id registers are read safely and the console is refused."""
    dtb = virt_dtb()
    _reg_elsewhere(dtb)
    log = boot_to_poweroff(stub_boot(boot_stub, dtb, 'earlycon=pl011,0xdeadbee0000 poweroff'))
    log.one('earlycon: no PL011 answers at 0xdeadbee0000: earlycon not enabled')
    log.one(FALLBACK_DEBUG_UART)
    assert log.texts[-2:] == [BOOT_COMPLETE, POWER_DOWN]


# ---- memory ------------------------------------------------------------------

@pytest.mark.parametrize('ram', ['256M', '5G'])
def test_image_outside_memory(boot_stub, virt_dtb, ram):
    """/memory describes only RAM above 4 GiB; the Image sits at
    0x40200000: a panic that says so, then the power-off asked for."""
    dtb = virt_dtb(memory=ram)
    dtb.set_cells('/memory@40000000', 'reg', reg_cells([(0x100000000, 0x10000000)]))
    con = stub_boot(boot_stub, dtb, 'console=ttyAMA0 poweroff', memory=ram)
    with con.disable_check('panic'):
        lines = con.read_until_exit()
    log = BootLog(lines)
    log.one(re.compile(r'Kernel panic - not syncing: FDT: the kernel image \[mem '
                       r'0x40200000-0x[0-9a-f]{8}\] is not inside the memory the device '
                       r'tree describes \(no /memory range has 0x40200000\)'))
    log.none(r'Oops|Unable to handle|paging_init')
    assert log.texts[-1] == POWER_DOWN and con.exitstatus == 0


def test_memory_not_there(boot_stub, virt_dtb):
    """/memory says 1 GiB where QEMU has 256 MiB: the top of the range does
    not answer (the read's external abort is caught): a panic saying so,
    not an oops in the page-table code."""
    dtb = virt_dtb()
    dtb.set_cells('/memory@40000000', 'reg', reg_cells([(0x40000000, 0x40000000)]))
    con = stub_boot(boot_stub, dtb, 'console=ttyAMA0 poweroff')
    with con.disable_check('panic'):
        lines = con.read_until_exit()
    log = BootLog(lines)
    log.one('Kernel panic - not syncing: FDT: memory [mem 0x40000000-0x7fffffff] of the '
            'device tree is not there: nothing answers at 0x7ffffffc')
    assert log.texts[-1] == POWER_DOWN and con.exitstatus == 0


def test_memory_beyond_pa_range(boot_stub, virt_dtb):
    """Root #address-cells = 1 turns /memory's reg into [0, 2^62): what is
    above the CPU's 44 physical address bits (cortex-a57) is dropped with a
    warning, and the rest, which is not there, stops the boot."""
    dtb = virt_dtb()
    dtb.set_cells('/', '#address-cells', [1])
    con = stub_boot(boot_stub, dtb, 'console=ttyAMA0 poweroff')
    with con.disable_check('panic'):
        lines = con.read_until_exit()
    log = BootLog(lines)
    log.one("FDT: memory above 0x100000000000 is beyond this CPU's 44-bit physical "
            "addresses: ignored")
    log.one(re.compile(r'Kernel panic - not syncing: FDT: memory \[mem 0x00000000-'
                       r'0xfffffffffff\] of the device tree is not there: .*'))
    log.none(r'Oops|Unable to handle')
    assert log.texts[-1] == POWER_DOWN and con.exitstatus == 0


def test_early_panic_powers_off(boot_stub, virt_dtb):
    """No memory node: the panic comes before the memory is known, and
    PSCI (probed as soon as the tree is readable) still powers off."""
    dtb = virt_dtb()
    dtb.set_string('/memory@40000000', 'device_type', 'not-memory')
    con = stub_boot(boot_stub, dtb, 'console=ttyAMA0 poweroff')
    with con.disable_check('panic'):
        lines = con.read_until_exit()
    log = BootLog(lines)
    log.one('Kernel panic - not syncing: FDT: no memory node: need a node with '
            'device_type = "memory" and a reg')
    log.one('psci: PSCIv1.1 detected in firmware.')
    log.none(r'no way to power off')
    assert log.texts[-1] == POWER_DOWN and con.exitstatus == 0


def test_too_many_memory_ranges(boot_stub, virt_dtb):
    """200 disjoint 1 MiB ranges: the ones past memblock's 128 are
    reported, and the boot completes."""
    dtb = virt_dtb(memory='1G')
    banks = [(0x40000000, 0x10000000)] + [(0x50100000 + i * 0x200000, 0x100000)
                                         for i in range(199)]
    dtb.set_cells('/memory@40000000', 'reg', reg_cells(banks))
    log = boot_to_poweroff(stub_boot(boot_stub, dtb, 'console=ttyAMA0 poweroff', memory='1G'))
    first = 0x50100000 + 127 * 0x200000
    log.one(f'OF: fdt: too many memory ranges: 72 ignored, from [mem 0x{first:016x}-'
            f'0x{first + 0xfffff:016x}] (memblock holds 128)')
    assert log.texts[-2:] == [BOOT_COMPLETE, POWER_DOWN]


# ---- PSCI --------------------------------------------------------------------

def test_psci_smc_without_el3(boot_stub, virt_dtb):
    """method = "smc" on a CPU without EL3 (nor QEMU's smc PSCI): smc is
    UNDEFINED. Probed safely: one psci: line, no PSCI, the boot completes;
    `poweroff` then halts, saying there is no way to power off."""
    dtb = virt_dtb()
    dtb.set_string('/psci', 'method', 'smc')
    con = stub_boot(boot_stub, dtb, 'console=ttyAMA0 poweroff')
    con.expect(BOOT_COMPLETE)
    con.expect(NO_POWEROFF)
    lines = con.expect_running(1.0)
    log = BootLog(con.lines)
    log.one('psci: the smc conduit is not implemented (undefined instruction): '
            'continuing without PSCI')
    log.none(r'Oops|Internal error|PSCIv')
    assert not lines or all(not ln.text for ln in lines)


# ---- the log replay ------------------------------------------------------------

def test_long_lines_replayed_whole(boot_kernel):
    """A command line of ~1900 bytes, no earlycon: the console registers
    late and replays the log; the long line comes back whole, newline
    included, and every line keeps its timestamp."""
    filler = ' '.join(f'hs.pad{i}=' + 'x' * 40 for i in range(40))
    append = f'console=ttyAMA0 poweroff {filler}'
    assert len(append) < 2048
    log = boot_to_poweroff(boot_kernel(append=append))
    log.check_stamps()
    line = [t for t in log.texts if t.startswith('Kernel command line: ')]
    assert len(line) == 1 and append.startswith(line[0][len('Kernel command line: '):]), line
    assert len(line[0]) > 400
