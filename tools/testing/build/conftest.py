# SPDX-License-Identifier: GPL-2.0
"""pytest options for tools/testing/build: tests of the build system itself.

    --srctree DIR      the git checkout to test (default: this tree)
    --libfdt-dir DIR   the unpacked arm64 libfdt (default: $LIBFDT_DIR, else
                       <srctree>/.deps/libfdt-arm64), reused so that a scratch
                       clone needs no download
"""

import os

import pytest

SRCTREE = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))


def pytest_addoption(parser):
    group = parser.getgroup('headstart build tests')
    group.addoption('--srctree', default=SRCTREE, help='git checkout to test')
    group.addoption('--libfdt-dir', default=None, help='unpacked arm64 libfdt')


@pytest.fixture(scope='session')
def srctree(request):
    return os.path.abspath(request.config.getoption('--srctree'))


@pytest.fixture(scope='session')
def libfdt_dir(request, srctree):
    d = (request.config.getoption('--libfdt-dir') or os.environ.get('LIBFDT_DIR')
         or os.path.join(srctree, '.deps', 'libfdt-arm64'))
    if not os.path.isfile(os.path.join(d, 'usr/lib/aarch64-linux-gnu/libfdt.a')):
        pytest.fail(f'no arm64 libfdt in {d}: run `make deps` first')
    return os.path.abspath(d)
