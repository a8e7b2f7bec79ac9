# SPDX-License-Identifier: GPL-2.0
"""The shell commands the documentation shows, extracted from the text.

A command is a line of a literal block (indented by four spaces or more,
in README.md and Documentation/**/*.rst and usr/README.rst) whose first
word is a program a reader would type: make, qemu-system-aarch64, dtc,
fdtput, gdb-multiarch, python3, od, $EDITOR... A line ending in a
backslash continues on the next; a here-document (<<'EOF') takes the
lines up to its end marker. U-Boot (=>) and gdb ((gdb)) prompts and
output lines are not commands for the shell.

    python3 tools/testing/docs/doc_commands.py      # list them
"""

import glob
import os
import re
import sys

PROGRAMS = ('make', 'qemu-system-aarch64', 'dtc', 'fdtput', 'fdtget', 'gdb-multiarch',
            'python3', '/usr/bin/python3', 'od', '$EDITOR', 'mkimage', 'git')


def doc_files(srctree):
    files = ['README.md'] + sorted(
        os.path.relpath(p, srctree)
        for p in glob.glob(os.path.join(srctree, 'Documentation', '**', '*.rst'),
                           recursive=True)) + ['usr/README.rst']
    return [f for f in files if os.path.isfile(os.path.join(srctree, f))]


class Command:
    def __init__(self, path, line, text):
        self.path, self.line, self.text = path, line, text

    @property
    def key(self):
        """The command with runs of blanks squeezed: how lists name it."""
        joined = re.sub(r'\s*\\\n\s*', ' ', self.text.strip())     # continuations
        return re.sub(r'[ \t]+', ' ', joined)

    def __repr__(self):
        return f'{self.path}:{self.line}: {self.key}'


def extract(srctree):
    out = []
    for path in doc_files(srctree):
        with open(os.path.join(srctree, path)) as f:
            lines = f.read().split('\n')
        i = 0
        while i < len(lines):
            raw = lines[i]
            text = raw.strip()
            if not raw.startswith('    ') or not text.split(' ')[0] in PROGRAMS:
                i += 1
                continue
            start = i
            cmd = [text]
            while cmd[-1].endswith('\\') and i + 1 < len(lines):
                i += 1
                cmd.append(lines[i].strip())
            here = re.search(r"<<\s*'?(\w+)'?", text)
            if here:
                marker = here.group(1)
                body = []
                while i + 1 < len(lines):
                    i += 1
                    body.append(lines[i][4:] if lines[i].startswith('    ') else lines[i])
                    if lines[i].strip() == marker:
                        break
                cmd = ['\n'.join(cmd + body)]
            out.append(Command(path, start + 1, '\n'.join(cmd)))
            i += 1
    return out


if __name__ == '__main__':
    here = os.path.dirname(os.path.abspath(__file__))
    for c in extract(os.path.abspath(os.path.join(here, '..', '..', '..'))):
        print(repr(c))
        if len(sys.argv) > 1:
            print('   ', c.text.replace('\n', '\n    '))
