# SPDX-License-Identifier: GPL-2.0
"""The console tty: the PL011 receives by interrupt, the line discipline
edits and echoes, read() gets whole lines.

`test.tty_echo=N` (drivers/tty/tty_test.c) makes the kernel read N lines
from the console tty at the end of boot and print each one back; these
tests type into QEMU's serial port through pexpect and check both what
the kernel read and what it echoed while the line was typed.

And with 4 CPUs writing the tty at once while a line is typed
(tools/testing/glibc/ttywrite.c): no write() torn by another's bytes or
by an echo.

And glibc programs that ask for keys (`# press KEYS`, typed here):
ttypoll.c waits for the tty with ppoll and pselect6 (timeouts, a line in
canonical mode, a key in raw mode, EINTR).
"""

import re
import time

import pexpect
import pytest

LINES = [
    # (typed, what read() returns shown as tty_test.c prints it, bytes, echo)
    ('hello\r', 'hello', '6 bytes', 'hello'),
    # DEL erases "c", ^U the whole line, ^H the "y"
    ('abc\x7fd\x15xy\x08z\r', 'xz', '3 bytes', 'abc\b \bd' + '\b \b' * 3 + 'xy\b \bz'),
    # ^C drops the line typed so far, and echoes as ^C
    ('junk\x03ok\r', 'ok', '3 bytes', 'junk^Cok'),
    # ^D ends a line without a newline; on an empty line it is EOF
    ('end\x04', 'end', '3 bytes, no newline', None),
    ('\x04', '', '0 bytes, no newline', None),
]

# After ^D the echo has no newline, so the kernel's line follows it on the same line.
LINE_RE = re.compile(r'(?:\S*\[\s*\d+\.\d+\] )?tty_echo: line (\d+): "(.*)" \(([^,]+(?:, no newline)?), '
                     r'(\d+) chars by IRQ (\d+)\)')


@pytest.mark.parametrize('gic', [2, 3])
def test_tty_typed_lines(console, qemu_cmd, kernel_image, gic):
    console.start(qemu_cmd(kernel=kernel_image, gic=gic,
                           append=f'console=ttyAMA0 poweroff test.tty_echo={len(LINES)}'))
    irq = int(console.expect(re.compile(r'ttyAMA0: receiving on IRQ (\d+)')).match.group(1))
    assert irq == 33, 'QEMU virt wires the PL011 to SPI 1 (INTID 33)'
    console.expect('tty_echo: reading 5 lines from ttyAMA0')
    typed = 0
    for n, (keys, text, size, echo) in enumerate(LINES, 1):
        console.send(keys)
        typed += len(keys)
        if echo is not None:
            line = console.readline()
            assert line.raw == echo, f'echo of {keys!r}'
        m = console.expect(LINE_RE).match
        assert m.group(1) == str(n)
        assert (m.group(2), m.group(3)) == (text, size), f'read() after {keys!r}'
        assert int(m.group(4)) == typed, 'every byte typed came in by the interrupt'
        assert int(m.group(5)) == irq
    m = console.expect(re.compile(r'tty_echo: (\d+) receive interrupts, (\d+) bytes lost')).match
    assert 1 <= int(m.group(1)) <= typed
    assert m.group(2) == '0'
    assert console.wait_exit() == 0


# ---- several CPUs writing the tty, and echo meanwhile ---------------------------

from test_glibc import glibc_dir, glibc_initrd, init_prog  # noqa: F401,E402 (fixtures)
from test_user import ktap_results  # noqa: E402

WRITERS, BLOCKS, BLOCK_LINES = 4, 30, 3
BLOCK_LINE_RE = re.compile(r'(\d) (\d{4})/(\d) ([a-z]+)')


def test_tty_writes_whole_on_4_cpus(console, qemu_cmd, kernel_image, tmp_path, init_prog,
                                    glibc_dir):
    """tools/testing/glibc/ttywrite.c on 4 CPUs of multi-threaded TCG (no
    -icount: the writers really run at once): 4 processes write blocks of
    3 lines, one write() each, to the console tty while we type a line.
    A write() comes out whole (drivers/tty/tty_io.c's write lock), and an
    echo only between two lines (ldisc_lock held a line at a time)."""
    initrd = glibc_initrd(tmp_path, init_prog, glibc_dir, 'ttywrite')
    console.start(qemu_cmd(kernel=kernel_image, smp=4, gic=3, memory='256M',
                           append=f'console=ttyAMA0 poweroff -- /bin/ttywrite -w {WRITERS} '
                                  f'-n {BLOCKS} -l {BLOCK_LINES}',
                           extra=['-initrd', str(initrd), '-accel', 'tcg,thread=multi']))
    console.expect('ttywrite: writing', timeout=60)
    console.expect(BLOCK_LINE_RE, timeout=30)
    typed = 'Z' * 12
    for c in typed:		# one key at a time: an echo each, in the middle of the output
        console.send(c)
        time.sleep(0.005)
    console.send('\r')
    console.read_until_exit(timeout=120)
    assert console.exitstatus == 0
    texts = [ln.raw for ln in console.lines]
    start, end = texts.index('ttywrite: writing') + 1, texts.index('ttywrite: done')
    blocks = {}		# (writer, block) -> its lines' numbers, in the order seen
    echoed = ''
    for t in texts[start:end]:
        body = t.lstrip('Z')
        echoed += t[:len(t) - len(body)]
        if not body:
            continue	# the typed line's own end
        m = BLOCK_LINE_RE.fullmatch(body)
        assert m, f'a torn line: {t!r}'
        w, i, k, letters = int(m.group(1)), int(m.group(2)), int(m.group(3)), m.group(4)
        assert letters == chr(ord('a') + w) * 64, f'another writer inside a line: {t!r}'
        blocks.setdefault((w, i), []).append(k)
    assert echoed == typed, 'every typed key echoed once, each between two lines'
    assert set(w for w, _ in blocks) == set(range(WRITERS))
    assert all(len([b for b in blocks if b[0] == w]) >= BLOCKS for w in range(WRITERS))
    assert all(ks == list(range(BLOCK_LINES)) for ks in blocks.values()), \
        [b for b, ks in blocks.items() if ks != list(range(BLOCK_LINES))]
    # The lines of one write() come one after another, nobody else's between.
    order = [BLOCK_LINE_RE.fullmatch(t.lstrip('Z')) for t in texts[start:end]]
    order = [(int(m.group(1)), int(m.group(2))) for m in order if m]
    runs = [order[j:j + BLOCK_LINES] for j in range(0, len(order), BLOCK_LINES)]
    assert all(len(set(r)) == 1 for r in runs), 'a write() interleaved with another'
    results = ktap_results(texts)
    assert results and all(r == 'ok' for r in results.values()), results
    assert 'init: /bin/ttywrite exited with status 0' in texts


# ---- programs that ask for keys ------------------------------------------------

from qemu_console import ConsoleTimeout  # noqa: E402

PRESS_RE = re.compile(r'# press (\S+)(?: after-silence (\S+))?')
KEY_RE = re.compile(r'\^(.)|<CR>|[^^<]+')


def keys(token):
    """`ab^C<CR>` -> 'ab\x03\r': ^X is the control key, <CR> Enter."""
    out = ''
    for m in KEY_RE.finditer(token):
        if m.group(1):
            out += chr(ord(m.group(1)) ^ 0x40)
        elif m.group(0) == '<CR>':
            out += '\r'
        else:
            out += m.group(0)
    return out


def assert_silent(console, seconds):
    """Nothing at all comes out for seconds (output stopped)."""
    t0 = time.monotonic()
    i = console.child.expect([re.compile(r'[\s\S]'), pexpect.EOF, pexpect.TIMEOUT],
                             timeout=seconds)
    assert i == 2, f'output while stopped, {time.monotonic() - t0:.3f} s after: ' \
        f'{console.child.after + console.child.buffer!r}'


def run_typing(console, qemu_cmd, kernel_image, tmp_path, init_prog, glibc_dir, name):
    """Boot tools/testing/glibc/<name> as init's program and type what it
    asks for; returns the console's raw output (echo included) and its lines."""
    initrd = glibc_initrd(tmp_path, init_prog, glibc_dir, name)
    console.start(qemu_cmd(kernel=kernel_image, memory='256M',
                           append=f'console=ttyAMA0 poweroff -- /bin/{name}',
                           extra=['-initrd', str(initrd)]))
    raw = []
    while True:
        line = console.readline(timeout=120)
        if line is None:
            break
        raw.append(line.raw)
        m = PRESS_RE.search(line.text)
        if not m:
            continue
        console.send(keys(m.group(1)))
        if m.group(2):
            assert_silent(console, 2)
            console.send(keys(m.group(2)))
    assert console.exitstatus == 0
    return '\n'.join(raw), [ln.text for ln in console.lines]


def check_typed_ktap(texts, name):
    assert not [t for t in texts if t.startswith('not ok')], texts
    results = ktap_results(texts)
    failed = [case for case, res in results.items() if res != 'ok']
    assert not failed, f'{name}: failed {failed}'
    assert f'init: /bin/{name} exited with status 0' in texts
    assert re.fullmatch(rf'# {name}: pass:(\d+) fail:0 skip:0 total:\1',
                        [t for t in texts if t.startswith(f'# {name}: ')][-1])
    return results


def test_tty_ppoll_pselect6(console, qemu_cmd, kernel_image, tmp_path, init_prog, glibc_dir):
    """ttypoll.c: ppoll and pselect6 on the console tty time out with no
    input, ignore a line being typed until Enter (canonical), take one key
    (raw), and end with EINTR on a typed ^C let through by their signal
    mask and on SIGALRM."""
    raw, texts = run_typing(console, qemu_cmd, kernel_image, tmp_path, init_prog, glibc_dir,
                            'ttypoll')
    results = check_typed_ktap(texts, 'ttypoll')
    assert 'ppoll_line_readable' in results and 'pselect6_eintr_by_typed_ctrl_c' in results
    echoed = [t for t in raw.split('\n') if not t.startswith('# press')]
    assert echoed.count('ab^C') == 2, 'the partial line and ^C echoed (NOFLSH keeps the line)'


def lines_in_order(raw, wanted):
    """The raw console lines (CR dropped) hold wanted as consecutive lines."""
    lines = raw.split('\n')
    return any(lines[i:i + len(wanted)] == wanted for i in range(len(lines)))


def test_tty_special_keys(console, qemu_cmd, kernel_image, tmp_path, init_prog, glibc_dir):
    """ttykeys.c: ^V^C is a 0x03 in the line and no SIGINT; ^R reprints the
    line; ^S stops output (run_typing checks that nothing comes out, the
    echo included) until ^Q or, with IXANY, any key; ^C while stopped
    signals, drops what was held, starts output and echoes ^C last, in
    Linux's order (with NOFLSH the held output comes out before the ^C)."""
    raw, texts = run_typing(console, qemu_cmd, kernel_image, tmp_path, init_prog, glibc_dir,
                            'ttykeys')
    check_typed_ktap(texts, 'ttykeys')
    assert lines_in_order(raw, ['a^\b^Cb']), 'echo of a^V^Cb: ^, back, ^C'
    assert lines_in_order(raw, ['xy^R', 'xyz']), 'echo of xy^Rz: the line reprinted'
    assert lines_in_order(raw, ['go', 'held by ixon', 'ok 3 ixon_tcdrain_waits'] +
                          ['=' * 79] * 54 +
                          ['ok 4 ixon_pollout_below_256_held',
                           'ok 5 ixon_full_write_waits_for_start',
                           'ok 6 ixon_write_returns']), 'the echo and the writes held until ^Q'
    assert lines_in_order(raw, ['held until any key', 'ok 7 ixany_write_returns',
                                '# press <CR>', 'k']), 'k started output, then was echoed'
    assert 'dropped by ctrl-c' not in raw, 'held output survived ^C'
    assert lines_in_order(raw, ['^C', 'ok 9 ctrl_c_write_returns'])
    assert lines_in_order(raw, ['go', 'kept with noflsh', '^C', 'ok 11 noflsh_write_returns'])
