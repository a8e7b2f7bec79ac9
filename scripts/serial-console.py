#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""A terminal on a serial port that QEMU serves over TCP.

`make qemu-gdb` gives the kernel's console (the PL011) to a TCP port
(GDB_CONSOLE_PORT, 1235) as well as to qemu-gdb.log, so that the shell can
be used while gdb has the other terminal: in a second terminal run

    make qemu-gdb-console

(this script, which needs nothing but Python). Keys go to the kernel as
typed (the terminal is in raw mode, so Ctrl-C reaches the shell, not this
script); Ctrl-] ends the session, as in telnet. QEMU keeps the console's
output while no one is connected only in the log file.

    scripts/serial-console.py [HOST:]PORT
"""

import os
import select
import socket
import sys
import termios
import tty

ESCAPE = b'\x1d'        # Ctrl-]


def main(argv):
    if len(argv) != 2:
        sys.exit(f'usage: {argv[0]} [HOST:]PORT')
    host, _, port = argv[1].rpartition(':')
    try:
        sock = socket.create_connection((host or '127.0.0.1', int(port)))
    except OSError as err:
        sys.exit(f'serial-console: cannot connect to {argv[1]}: {err.strerror} '
                 f'(is `make qemu-gdb` running?)')
    sys.stderr.write(f'serial-console: connected to {argv[1]}; Ctrl-] quits\r\n')
    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd) if os.isatty(fd) else None
    if saved:
        tty.setraw(fd)
    try:
        while True:
            ready, _, _ = select.select([sock, fd], [], [])
            if sock in ready:
                data = sock.recv(4096)
                if not data:
                    sys.stderr.write('\r\nserial-console: QEMU closed the console\r\n')
                    return 0
                os.write(sys.stdout.fileno(), data)
            if fd in ready:
                data = os.read(fd, 1024)
                if not data or ESCAPE in data:
                    return 0
                sock.sendall(data)
    finally:
        if saved:
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)
        sock.close()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
