# SPDX-License-Identifier: GPL-2.0
"""pytest configuration for the documentation tests (test_doc_commands.py).

    /usr/bin/python3 -m pytest tools/testing/docs --build-dir=DIR
"""

import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
SRCTREE = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
sys.path.insert(0, HERE)


def pytest_addoption(parser):
    try:
        parser.getgroup('headstart doc tests').addoption(
            '--build-dir', default=None, help='kernel build directory')
    except ValueError:          # already added by another suite's conftest
        pass


class Env:
    def __init__(self, config):
        self.srctree = SRCTREE
        self.build_dir = os.path.abspath(config.getoption('--build-dir', None)
                                         or os.environ.get('KBUILD_OUTPUT') or SRCTREE)


@pytest.fixture(scope='session')
def env(pytestconfig):
    return Env(pytestconfig)
