#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""A device-tree and command-line fuzzer for headstart's boot.

Starts from QEMU's own virt device tree (-M virt,dumpdtb=) and makes one
seeded, reproducible mutation per boot:

  * structured, as a user would with fdtput: a node deleted (/chosen, the
    PL011, /psci, /memory...), a property changed (the PL011's reg and
    status, stdout-path, the /psci method, /memory's reg), or a command
    line the kernel must cope with (console=, loglevel=, earlycon=, very
    long ones);
  * raw: bytes flipped anywhere in the blob, or the blob truncated.

Each mutated blob is booted by one of two routes: QEMU's -kernel/-dtb
loader (QEMU rewrites /chosen/bootargs and /memory), or exactly as written
through the boot stub (bootstub.S as -bios, the blob placed raw). Every
boot must end in one of:

  normal    "headstart: boot complete", then the power-off asked for (or
            silence, if loglevel=0 asked for it, and QEMU exits 0)
  message   a line saying what is wrong, then a halt, or the power-off
            when `poweroff` asked for one and PSCI could be used
  rejected  QEMU itself refused the blob before the guest ran (-dtb only)

and these are failures:

  silent    no output at all
  hang      output, but no end within the time limit
  crash     an oops, an unhandled exception or a panic caused by one

    tools/testing/boot/fuzz_dtb.py --build-dir . --boots 300 --seed 1

prints one line per boot (seed, route, mutation, outcome) and the tally;
the exit status is 1 if any boot failed. `make fuzz-dtb` runs it; the boot
test test_fuzz_dtb.py runs a dozen boots of it in `make check`. A boot is
re-run alone with --seed S --first N --boots 1 (its log is kept in
<build-dir>/.tmp/fuzz-dtb/).
"""

import argparse
import os
import random
import re
import select
import shlex
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import dtb_util  # noqa: E402
from bootstub import BootStub  # noqa: E402
from qemu_console import qemu_command  # noqa: E402

IMAGE_AT = 0x40200000
DTB_AT = 0x48000000
UART = '/pl011@9000000'

BOOT_COMPLETE = 'headstart: boot complete, CPU0 idle'
POWER_DOWN = 'reboot: Power down'
CRASH_RE = re.compile(r'Internal error|Unable to handle kernel|Unhandled .* exception|'
                      r'Unexpected|Bad mode|kernel BUG')
# Lines that say what is wrong and that the kernel stops.
MESSAGE_RE = re.compile(r'Kernel panic - not syncing: |FDT: |headstart: the Image must|'
                        r'halting$')
STAMP_RE = re.compile(r'^\[\s*\d+\.\d{6}\] ')

# Command lines: (words, loglevel quiet?)
BOOTARGS = [
    'console=ttyS0', 'console=ttyAMA9', 'console=foo,115200n8', 'console=',
    ' '.join(f'console=ttyS{i}' for i in range(4)) + ' console=ttyAMA0',
    ' '.join(f'console=ttyS{i}' for i in range(9)),
    'console=ttyAMA0 loglevel=0', 'console=ttyAMA0 loglevel=-1',
    'console=ttyAMA0 loglevel=abc', 'console=ttyAMA0 quiet',
    'console=ttyAMA0 earlycon=pl011,0x0', 'console=ttyAMA0 earlycon=pl011,0xdeadbeef000',
    'console=ttyAMA0 earlycon=pl011,0x9000000', 'console=ttyAMA0 earlycon=pl011,bogus',
    'console=ttyAMA0 earlycon=uart8250,mmio32,0x9000000', 'earlycon',
    'console=ttyAMA0 ' + ' '.join(f'hs.pad{i}=' + 'x' * 60 for i in range(28)),
    'console=ttyAMA0 memblock=debug', 'console=ttyAMA0 "unterminated',
]


def _cells(*pairs):
    out = []
    for base, size in pairs:
        out += [base >> 32, base & 0xffffffff, size >> 32, size & 0xffffffff]
    return out


def _structured(rng):
    """A list of (kind, args) edits and extra bootargs, and a description."""
    choice = rng.randrange(14)
    if choice == 0:
        node = rng.choice(['/chosen', UART, '/psci', '/memory@40000000', '/timer',
                           '/cpus', '/aliases', '/intc@8000000'])
        return [('delete', node)], '', f'delete {node}'
    if choice == 1:
        reg = rng.choice([[0, 0x09000000, 0, 0], [0, 0x09000000, 0],
                          [0, 0x09000000], _cells((0xdeadbee0000, 0x1000)),
                          _cells((0x40000000, 0x1000)), _cells((0, 0x1000)),
                          _cells((0x09000800, 0x1000)), []])
        return [('cells', UART, 'reg', reg)], '', f'{UART} reg = {reg}'
    if choice == 2:
        status = rng.choice(['disabled', 'fail', 'okay', ''])
        return [('string', UART, 'status', status)], '', f'{UART} status = "{status}"'
    if choice == 3:
        path = rng.choice(['/no-such@1', '/pl011@9000000:115200', 'serial0', '/',
                           '/psci', ''])
        return [('string', '/chosen', 'stdout-path', path)], '', f'stdout-path = "{path}"'
    if choice == 4:
        method = rng.choice(['smc', 'hvc', 'bogus', ''])
        return [('string', '/psci', 'method', method)], '', f'/psci method = "{method}"'
    if choice == 5:
        compat = rng.choice(['arm,psci', 'arm,psci-0.2', 'foo'])
        return [('string', '/psci', 'compatible', compat)], '', f'/psci compatible = "{compat}"'
    if choice == 6:
        ranges = rng.choice([
            [(0x100000000, 0x10000000)], [(0x40000000, 0x100000)],
            [(0x40000000, 0x400000)], [(0x40000000, 0)], [(0x48000000, 0x8000000)],
            [(0, 0x10000000)], [(0x40000000, 0x10000000), (0x40000000, 0x10000000)],
            # more ranges than memblock holds, all inside QEMU's 256 MiB
            [(0x40000000, 0x8000000)] + [(0x48100000 + i * 0x80000, 0x40000)
                                        for i in range(150)],
        ])
        short = ranges if len(ranges) < 4 else f'{len(ranges)} ranges'
        return [('cells', '/memory@40000000', 'reg', _cells(*ranges))], '', \
            f'/memory reg = {short}'
    if choice == 7:
        cells = rng.choice([0, 1, 3, 5])
        prop = rng.choice(['#address-cells', '#size-cells'])
        return [('cells', '/', prop, [cells])], '', f'/ {prop} = <{cells}>'
    if choice == 8:
        return [('string', '/', 'model', 'M' * rng.choice([0, 1, 300, 3000]))], '', \
            'long or empty /model'
    if choice == 9:
        irq = rng.choice([[0, 0, 0], [0, 1000, 4], [7, 1, 4], [0, 1]])
        return [('cells', UART, 'interrupts', irq)], '', f'{UART} interrupts = {irq}'
    args = rng.choice(BOOTARGS)
    return [], args, f'bootargs "{args[:60]}{"..." if len(args) > 60 else ""}"'


def _apply(dtb, edits):
    for edit in edits:
        kind, node = edit[0], edit[1]
        if kind == 'delete':
            dtb.delete_node(node)
        elif kind == 'cells':
            if edit[3]:
                dtb.set_cells(node, edit[2], edit[3])
            else:       # an empty property
                dtb.set_string(node, edit[2], '')
        elif kind == 'string':
            dtb.set_string(node, edit[2], edit[3])


def _raw(rng, path):
    """Flip bytes or truncate the blob at path; a description."""
    with open(path, 'rb') as f:
        blob = bytearray(f.read())
    total = int.from_bytes(blob[4:8], 'big')
    if rng.random() < 0.25:
        cut = rng.randrange(8, total)
        if rng.random() < 0.5:
            blob = blob[:cut]
            what = f'file cut at {cut:#x}'
        else:
            blob[4:8] = cut.to_bytes(4, 'big')
            what = f'totalsize = {cut:#x}'
    else:
        flips = []
        for _ in range(rng.randint(1, 4)):
            off = rng.randrange(total)
            blob[off] ^= rng.randint(1, 255)
            flips.append(f'{off:#x}')
        what = 'bytes flipped at ' + ','.join(flips)
    with open(path, 'wb') as f:
        f.write(blob)
    return what


class Outcome:
    def __init__(self, kind, why, lines):
        self.kind, self.why, self.lines = kind, why, lines


def classify(lines, exit_status, quiet, poweroff):
    """The outcome of one boot from its console lines (stripped of QEMU's
    own messages) and QEMU's exit status (None: still running)."""
    texts = [STAMP_RE.sub('', ln) for ln in lines]
    crash = [t for t in texts if CRASH_RE.search(t)]
    if crash:
        return 'crash', crash[0]
    if not texts:
        if quiet and exit_status == 0:
            return 'normal', 'quiet as asked (loglevel), powered off'
        return 'silent', f'no output (QEMU {"running" if exit_status is None else "exited"})'
    message = [t for t in texts if MESSAGE_RE.search(t)]
    if BOOT_COMPLETE in texts and not message:
        if poweroff and exit_status == 0 and texts[-1] == POWER_DOWN:
            return 'normal', 'boot complete, powered off'
        if not poweroff and exit_status is None and texts[-1] == BOOT_COMPLETE:
            return 'normal', 'boot complete, idle'
        if texts[-1] == 'reboot: no way to power off (no PSCI): halting':
            return 'message', texts[-1]
        return 'hang', f'boot complete but then: {texts[-1]!r}'
    if message:
        if exit_status == 0 and texts[-1] == POWER_DOWN:
            return 'message', message[0]
        if exit_status is None and MESSAGE_RE.search(texts[-1]) or (
                exit_status is None and texts[-1].startswith('---[ end Kernel panic')):
            return 'message', message[0]
        return 'hang', f'{message[0]!r}, then {texts[-1]!r}'
    if quiet and exit_status == 0 and texts[-1] == POWER_DOWN:
        return 'normal', 'quiet as asked, powered off'
    return 'hang', f'no end: last line {texts[-1]!r}'


def run_qemu(argv, log_path, timeout, settle):
    """Run QEMU, collect its console lines until it exits, or until nothing
    has come for `settle` seconds after the last line, or `timeout`.
    Returns (lines, exit status or None if it was still running)."""
    with open(log_path, 'w') as log:
        log.write('# ' + ' '.join(shlex.quote(a) for a in argv) + '\n')
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True)
    data = b''
    start = last = time.monotonic()
    try:
        while True:
            now = time.monotonic()
            if now - start > timeout or (data and now - last > settle):
                break
            ready, _, _ = select.select([proc.stdout], [], [], 0.1)
            if ready:
                chunk = os.read(proc.stdout.fileno(), 65536)
                if not chunk:
                    proc.wait()
                    break
                data += chunk
                last = time.monotonic()
            elif proc.poll() is not None:
                continue    # exited: drain what is left on the next read
    finally:
        status = proc.poll()
        if status is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    text = data.decode('utf-8', 'replace').replace('\r', '')
    with open(log_path, 'a') as log:
        log.write(text)
    lines = [ln for ln in text.split('\n') if ln and not ln.startswith('qemu-system-')]
    return lines, status, text


class Fuzzer:
    def __init__(self, build_dir, seed, qemu='qemu-system-aarch64',
                 cross_compile='aarch64-linux-gnu-', timeout=20.0, settle=2.0):
        self.build_dir = os.path.abspath(build_dir)
        self.seed = seed
        self.qemu = qemu
        self.timeout, self.settle = timeout, settle
        self.image = os.path.join(self.build_dir, 'arch', 'arm64', 'boot', 'Image')
        if not os.path.isfile(self.image):
            raise SystemExit(f'no kernel Image at {self.image}: build it first')
        self.work = os.path.join(self.build_dir, '.tmp', 'fuzz-dtb')
        os.makedirs(self.work, exist_ok=True)
        self.base = dtb_util.dump_qemu_dtb(os.path.join(self.work, 'virt.dtb'), qemu=qemu)
        dtb_util.Dtb(self.base).pack()
        self.stub = BootStub(os.path.join(self.work, 'bin'), cross_compile)

    def boot(self, n):
        """Mutate and boot number n of this seed; (route, description, Outcome)."""
        rng = random.Random(f'{self.seed}:{n}')
        route = rng.choice(['stub', 'dtb'])
        path = os.path.join(self.work, f'boot{n}.dtb')
        dtb = dtb_util.Dtb(self.base).copy(path)
        poweroff = True
        if rng.random() < 0.7:
            edits, args, what = _structured(rng)
            try:
                _apply(dtb, edits)
            except RuntimeError as err:     # fdtput refused (e.g. no such node)
                what += f' (not applied: {err})'
            bootargs = ' '.join(a for a in ('poweroff', args or 'console=ttyAMA0') if a)
        else:
            bootargs = 'poweroff console=ttyAMA0'
            what = None
        if route == 'stub' and what is not None:
            try:
                dtb.set_string('/chosen', 'bootargs', bootargs)
            except RuntimeError:
                poweroff = False    # no /chosen: the blob as written has no bootargs
        elif route == 'stub':
            dtb.set_string('/chosen', 'bootargs', bootargs)
        if what is None:
            what = _raw(rng, path)
            poweroff = None         # the flips may have hit bootargs: unknown
        quiet = bool(re.search(r'loglevel=(0|-\d+)|quiet', bootargs))
        if route == 'stub':
            stub = self.stub.image(os.path.join(self.work, f'stub{n}.bin'), IMAGE_AT, DTB_AT)
            argv = qemu_command(qemu=self.qemu, bios=stub,
                                loaders=[(self.image, IMAGE_AT), (path, DTB_AT)])
        else:
            argv = qemu_command(qemu=self.qemu, kernel=self.image, dtb=path, append=bootargs)
        lines, status, text = run_qemu(argv, os.path.join(self.work, f'boot{n}.log'),
                                       self.timeout, self.settle)
        if route == 'dtb' and status not in (None, 0) and \
                not any(STAMP_RE.match(ln) for ln in lines):
            return route, what, Outcome('rejected', text.strip().splitlines()[-1:], lines)
        if poweroff is None:    # raw damage: take the blob's own word for it
            poweroff = status == 0 or any(POWER_DOWN in ln for ln in lines)
        kind, why = classify(lines, status, quiet, poweroff)
        return route, what, Outcome(kind, why, lines)


FAILURES = ('silent', 'hang', 'crash')


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--build-dir', default='.')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--boots', type=int, default=300)
    ap.add_argument('--first', type=int, default=0, help='first boot number')
    ap.add_argument('--qemu', default='qemu-system-aarch64')
    ap.add_argument('--cross-compile', default=os.environ.get('CROSS_COMPILE')
                    or 'aarch64-linux-gnu-')
    ap.add_argument('--timeout', type=float, default=20.0,
                    help='seconds a boot may take in all (the hang detector)')
    args = ap.parse_args(argv)
    fz = Fuzzer(args.build_dir, args.seed, args.qemu, args.cross_compile, args.timeout)
    tally = {}
    for n in range(args.first, args.first + args.boots):
        route, what, out = fz.boot(n)
        tally[out.kind] = tally.get(out.kind, 0) + 1
        mark = 'FAIL' if out.kind in FAILURES else 'ok'
        print(f'{mark:4} seed={args.seed} n={n} {route:4} {what}: {out.kind}: {out.why}',
              flush=True)
    total = sum(tally.values())
    print(f'fuzz-dtb: {total} boots, seed {args.seed}: ' +
          ', '.join(f'{k} {tally.get(k, 0)}' for k in
                    ('normal', 'message', 'rejected') + FAILURES))
    print(f'fuzz-dtb: logs and blobs in {fz.work}')
    return 1 if any(tally.get(k) for k in FAILURES) else 0


if __name__ == '__main__':
    sys.exit(main())
