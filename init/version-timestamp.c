// SPDX-License-Identifier: GPL-2.0
/*
 * init/version-timestamp.c: the banner, "headstart version ...". Compiled
 * at each link by scripts/link-vmlinux.sh, which passes the build number,
 * date, builder and toolchain as UTS_VERSION, LINUX_COMPILE_BY and
 * LINUX_COMPILER.
 */
const char linux_banner[] = "headstart version " KERNELRELEASE_STR " (" LINUX_COMPILE_BY ") ("
			    LINUX_COMPILER ") " UTS_VERSION "\n";
