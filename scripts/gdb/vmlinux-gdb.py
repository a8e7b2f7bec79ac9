# SPDX-License-Identifier: GPL-2.0
#
# gdb support for headstart: `source scripts/gdb/vmlinux-gdb.py` (what
# `make qemu-gdb` does), then `help hs`. The commands live in the
# headstart package beside this file; see Documentation/dev-tools/gdb.rst.

import os
import sys

_here = os.path.dirname(os.path.abspath(__file__))
if _here not in sys.path:
    sys.path.insert(0, _here)

import headstart  # noqa: E402

headstart.register()
