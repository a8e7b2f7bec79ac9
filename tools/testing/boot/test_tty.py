# SPDX-License-Identifier: GPL-2.0
"""The console tty: the PL011 receives by interrupt, the line discipline
edits and echoes, read() gets whole lines.

`test.tty_echo=N` (drivers/tty/tty_test.c) makes the kernel read N lines
from the console tty at the end of boot and print each one back; these
tests type into QEMU's serial port through pexpect and check both what
the kernel read and what it echoed while the line was typed.
"""

import re

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
