# SPDX-License-Identifier: GPL-2.0
"""QEMU command lines and a pexpect-driven serial console for boot tests.

In the style of U-Boot's test/py: a console object owns one QEMU process,
reads its serial console line by line into a per-test log file, and every
read is checked against "bad patterns" (panic, oops, unexpected exception,
KTAP "not ok") so a test fails the moment the kernel reports one, instead of
timing out later.  Every wait has a timeout: it is the hang detector.

Used by test_boot.py and test_harness.py; meant to be reused by later suites
(KTAP self-tests, U-Boot booti, gdb), so nothing here knows about headstart
except the default bad patterns, which are Linux's wording.

    argv = qemu_command(kernel=image, append='console=ttyAMA0 poweroff')
    con = QemuConsole(log_path)
    con.start(argv)
    con.expect('headstart: boot complete, CPU0 idle')
    assert con.wait_exit() == 0
"""

import contextlib
import dataclasses
import os
import re
import shlex
import time

import pexpect

QEMU = 'qemu-system-aarch64'

# MIDR_EL1 of QEMU's CPU models (test_harness.py checks these against QEMU).
CPU_MIDR = {
    'cortex-a53': 0x410fd034,
    'cortex-a57': 0x411fd070,
    'cortex-a72': 0x410fd083,
}

# A Linux printk timestamp, "[    0.000123] ", at the start of a line.
TIMESTAMP_RE = re.compile(r'\[\s*(\d+)\.(\d{6})\] ')
_TS = r'^(?:\[\s*\d+\.\d+\] )?'

# name -> regex searched in every console line.  Linux's markers for "the
# kernel is in trouble"; a test that provokes one on purpose wraps the read
# in `with console.disable_check(name):`.
DEFAULT_BAD_PATTERNS = {
    'panic': r'Kernel panic - not syncing',
    'internal_error': r'Internal error',
    'unexpected': _TS + r'Unexpected',
    'unable_to_handle': r'Unable to handle kernel',
    'ktap_not_ok': _TS + r'\s*not ok \d+',
    'spinlock_bug': r'BUG: spinlock',
}


def qemu_command(*, qemu=QEMU, machine='virt', cpu='cortex-a57', memory='256M',
                 smp=None, gic=None, virtualization=False, machine_opts=(),
                 kernel=None, dtb=None, append=None, bios=None, loaders=(),
                 extra=()):
    """Build a QEMU argv for an arm64 `virt` boot on the serial console.

    gic: 2 or 3 (-M virt,gic-version=N); virtualization: start at EL2.
    kernel/dtb/append: QEMU's own Linux loader (-kernel; it rewrites
    /memory and /chosen/bootargs in the DTB).  bios: a firmware image run
    from flash at 0x0 (e.g. the boot stub).  loaders: (path, address) pairs
    copied raw into guest memory by -device loader.  extra: more arguments.
    `-nic none` because Debian's QEMU has no ROM for the default NIC;
    `-no-reboot` so a reset ends the run instead of booting again.
    """
    mopts = [machine]
    if gic is not None:
        mopts.append(f'gic-version={gic}')
    if virtualization:
        mopts.append('virtualization=on')
    mopts.extend(machine_opts)
    argv = [qemu, '-M', ','.join(mopts), '-cpu', cpu, '-m', str(memory)]
    if smp is not None:
        argv += ['-smp', str(smp)]
    argv += ['-nographic', '-nic', 'none', '-no-reboot']
    if bios is not None:
        argv += ['-bios', str(bios)]
    if kernel is not None:
        argv += ['-kernel', str(kernel)]
    if dtb is not None:
        argv += ['-dtb', str(dtb)]
    if append is not None:
        argv += ['-append', append]
    for path, addr in loaders:
        # QEMU's option parser takes ",," for a literal comma.
        fname = str(path).replace(',', ',,')
        argv += ['-device', f'loader,file={fname},addr={addr:#x},force-raw=on']
    argv += list(extra)
    return argv


@dataclasses.dataclass
class Line:
    """One console line: raw text without the line end, the text after a
    Linux timestamp (or the raw text if there is none), and the timestamp
    in seconds (None if the line has none)."""
    raw: str
    text: str
    stamp: float | None
    match: re.Match | None = dataclasses.field(default=None, repr=False)

    @classmethod
    def parse(cls, raw):
        m = TIMESTAMP_RE.match(raw)
        if not m:
            return cls(raw, raw, None)
        return cls(raw, raw[m.end():], int(m.group(1)) + int(m.group(2)) / 1e6)


class ConsoleError(AssertionError):
    """Base of console failures; an AssertionError so pytest reports a
    test failure (not an error) with the message as is."""


class BadPatternError(ConsoleError):
    """The console printed a bad pattern (panic, oops, ...)."""


class ConsoleTimeout(ConsoleError):
    """Nothing matched before the timeout: the guest hung or went quiet."""


class UnexpectedExit(ConsoleError):
    """QEMU exited while the test still expected output (or vice versa)."""


class QemuConsole:
    """One QEMU process and its serial console.

    Everything read is appended to `log_path`, and kept as Line objects in
    `self.lines`.  Reads raise BadPatternError at the first bad line and
    ConsoleTimeout when the timeout passes.  If `require_stamp` is set,
    expect() also fails on a matching line without a Linux timestamp.
    """

    def __init__(self, log_path, timeout=30.0, bad_patterns=None,
                 require_stamp=False, title=None):
        self.log_path = os.fspath(log_path)
        self.timeout = timeout
        self.require_stamp = require_stamp
        self.title = title
        patterns = DEFAULT_BAD_PATTERNS if bad_patterns is None else bad_patterns
        self._bad = {name: re.compile(rx) for name, rx in patterns.items()}
        self._disabled = set()
        self.child = None
        self.argv = None
        self.lines = []
        self.eof = False
        self.exitstatus = None
        self.signalstatus = None
        self._log = None

    # ---- process control -------------------------------------------------

    def start(self, argv, env=None, cwd=None):
        """Start QEMU with `argv` (a list, see qemu_command())."""
        if self.child is not None:
            raise RuntimeError('console already started')
        os.makedirs(os.path.dirname(self.log_path) or '.', exist_ok=True)
        self._log = open(self.log_path, 'a', encoding='utf-8',
                         errors='replace')
        self.argv = [str(a) for a in argv]
        if self.title:
            self._log.write(f'# {self.title}\n')
        self._log.write(f'# cmd: {self.command_line}\n')
        self._log.flush()
        self.child = pexpect.spawn(self.argv[0], self.argv[1:], env=env,
                                   cwd=cwd, encoding='utf-8',
                                   codec_errors='replace', timeout=None,
                                   echo=False)
        self.child.logfile_read = self._log
        self.child.delaybeforesend = None

    @property
    def command_line(self):
        """The QEMU command line, quoted for a shell."""
        return shlex.join(self.argv) if self.argv else ''

    def kill(self):
        """Stop QEMU (by its pid) if it is still running, after draining
        what it already printed into the log."""
        if self.child is None:
            return
        if not self.eof:
            self._drain()
        if self.child.isalive():
            self.child.terminate(force=True)
        self.close()

    def close(self):
        """Release the pty and the log; records the exit status."""
        if self.child is not None:
            try:
                self.child.close(force=True)
            except pexpect.ExceptionPexpect:
                pass
            if self.exitstatus is None and self.signalstatus is None:
                self.exitstatus = self.child.exitstatus
                self.signalstatus = self.child.signalstatus
        if self._log is not None:
            self._log.write(f'\n# end: exitstatus={self.exitstatus} '
                            f'signalstatus={self.signalstatus}\n')
            self._log.close()
            self._log = None

    def _drain(self, quiet=0.2, limit=1.0):
        end = time.monotonic() + limit
        while time.monotonic() < end:
            try:
                self.child.read_nonblocking(65536, timeout=quiet)
            except (pexpect.TIMEOUT, pexpect.EOF):
                return

    # ---- bad patterns ----------------------------------------------------

    @contextlib.contextmanager
    def disable_check(self, name):
        """Let bad pattern `name` through for the duration of a block."""
        if name not in self._bad:
            raise KeyError(name)
        was = name in self._disabled
        self._disabled.add(name)
        try:
            yield
        finally:
            if not was:
                self._disabled.discard(name)

    def _check_bad(self, line):
        for name, rx in self._bad.items():
            if name not in self._disabled and rx.search(line.raw):
                raise BadPatternError(
                    f'bad pattern {name!r} on the console: {line.raw!r}\n'
                    + self._context())

    # ---- reading ---------------------------------------------------------

    def _deadline(self, timeout):
        return time.monotonic() + (self.timeout if timeout is None else timeout)

    def readline(self, timeout=None, deadline=None):
        """The next complete console line, or None once QEMU has exited.
        Raises ConsoleTimeout if no line ends in time."""
        if self.eof:
            return None
        if deadline is None:
            deadline = self._deadline(timeout)
        remaining = max(0.0, deadline - time.monotonic())
        i = self.child.expect(['\n', pexpect.EOF, pexpect.TIMEOUT],
                              timeout=remaining)
        if i == 2:
            raise ConsoleTimeout(
                f'no console line within the timeout; partial line '
                f'{self.child.before!r}\n' + self._context())
        raw = self.child.before.replace('\r', '')
        if i == 1:
            self._reap()
            if not raw:
                return None
        line = Line.parse(raw)
        self.lines.append(line)
        self._check_bad(line)
        return line

    def _reap(self):
        # EOF on the pty: QEMU is exiting.  Wait for its status before
        # closing, so close() never has to signal it.
        self.eof = True
        self.child.wait()
        self.child.close()
        self.exitstatus = self.child.exitstatus
        self.signalstatus = self.child.signalstatus

    @staticmethod
    def _matcher(pattern):
        """str: the line's text (after any timestamp) must equal it exactly;
        compiled regex: must fullmatch the text."""
        if isinstance(pattern, re.Pattern):
            return pattern.fullmatch
        return lambda text: text == pattern or None

    def expect(self, pattern, timeout=None, deadline=None):
        """Read lines until one matches `pattern` (see _matcher); return its
        Line, with `.match` set to the re.Match for a regex."""
        if deadline is None:
            deadline = self._deadline(timeout)
        match = self._matcher(pattern)
        while True:
            line = self.readline(deadline=deadline)
            if line is None:
                raise UnexpectedExit(
                    f'QEMU exited (status {self.exitstatus}, signal '
                    f'{self.signalstatus}) before printing {_show(pattern)}\n'
                    + self._context())
            m = match(line.text)
            if m:
                if self.require_stamp and line.stamp is None:
                    raise ConsoleError(
                        f'line has no Linux timestamp: {line.raw!r}\n'
                        + self._context())
                line.match = m if isinstance(m, re.Match) else None
                return line

    def expect_lines_in_order(self, patterns, timeout=None):
        """expect() each pattern in turn (other lines may come between);
        one timeout for the whole sequence.  Returns the matched Lines."""
        deadline = self._deadline(timeout)
        return [self.expect(p, deadline=deadline) for p in patterns]

    def expect_raw(self, pattern, timeout=None):
        """Wait for a regex anywhere in the raw stream, not only at line
        ends (for prompts such as U-Boot's "=> ").  Lines read past are not
        parsed into self.lines; bad patterns are still checked."""
        pats = [pattern] + [rx for n, rx in self._bad.items()
                            if n not in self._disabled]
        pats = [p if isinstance(p, re.Pattern) else re.compile(p) for p in pats]
        i = self.child.expect(pats + [pexpect.EOF, pexpect.TIMEOUT],
                              timeout=self.timeout if timeout is None else timeout)
        if i == 0:
            return self.child.match
        if i == len(pats):
            self._reap()
            raise UnexpectedExit(f'QEMU exited before {pattern!r}\n'
                                 + self._context())
        if i == len(pats) + 1:
            raise ConsoleTimeout(f'timed out waiting for {pattern!r}\n'
                                 + self._context())
        raise BadPatternError(f'bad pattern {pats[i].pattern!r} on the console\n'
                              + self._context())

    def send(self, text):
        """Type `text` on the serial console."""
        self.child.send(text)

    def read_until_exit(self, timeout=None):
        """Read every line until QEMU exits; return the Lines read by this
        call.  Raises ConsoleTimeout if QEMU is still running at the end."""
        deadline = self._deadline(timeout)
        start = len(self.lines)
        while self.readline(deadline=deadline) is not None:
            pass
        return self.lines[start:]

    def wait_exit(self, timeout=None):
        """read_until_exit(), then QEMU's exit status (None if it died of a
        signal)."""
        self.read_until_exit(timeout)
        return self.exitstatus

    def expect_running(self, seconds, forbid=()):
        """Check QEMU keeps running for `seconds` (e.g. a halted kernel)
        and prints no line whose text matches any regex in `forbid`.
        Returns the lines read meanwhile."""
        deadline = time.monotonic() + seconds
        start = len(self.lines)
        forbid = [re.compile(f) if isinstance(f, str) else f for f in forbid]
        while True:
            try:
                line = self.readline(deadline=deadline)
            except ConsoleTimeout:
                return self.lines[start:]
            if line is None:
                raise UnexpectedExit(
                    f'QEMU exited (status {self.exitstatus}) but should '
                    f'still be running\n' + self._context())
            for rx in forbid:
                if rx.search(line.text):
                    raise ConsoleError(f'unexpected line {line.raw!r}\n'
                                       + self._context())

    # ---- reporting -------------------------------------------------------

    def _context(self, n=25):
        tail = '\n'.join('    ' + ln.raw for ln in self.lines[-n:])
        return (f'--- last {min(n, len(self.lines))} console lines ---\n'
                f'{tail}\n--- full log: {self.log_path}\n'
                f'--- qemu: {self.command_line}')


def _show(pattern):
    return f'/{pattern.pattern}/' if isinstance(pattern, re.Pattern) else repr(pattern)
