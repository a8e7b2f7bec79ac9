/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tools/testing/unit/stubs/include/generated/autoconf.h: the configuration
 * the host unit tests build the kernel sources with, in place of the one
 * Kconfig generates.
 *
 * CONFIG_CMDLINE is deliberately not empty: drivers/of/fdt.c falls back to
 * it when /chosen has no bootargs, and the tests must be able to tell that
 * fallback from an empty command line. The arm64 layout options can be
 * overridden with -D (tools/testing/unit/pgtable_consts.c is built once
 * per VA size).
 */
#ifndef UNIT_GENERATED_AUTOCONF_H
#define UNIT_GENERATED_AUTOCONF_H

#define CONFIG_ARM64 1
#ifndef CONFIG_ARM64_PAGE_SHIFT
#define CONFIG_ARM64_PAGE_SHIFT 12
#endif
#ifndef CONFIG_ARM64_VA_BITS
#define CONFIG_ARM64_VA_BITS 48
#endif
#ifndef CONFIG_PGTABLE_LEVELS
#define CONFIG_PGTABLE_LEVELS 4
#endif
#define CONFIG_LOG_BUF_SHIFT 16
/* As defconfig: the early tables have room for a moved image (EARLY_KASLR). */
#define CONFIG_RELOCATABLE 1
#define CONFIG_CMDLINE "unit_config_cmdline=1 from=CONFIG_CMDLINE"
#define CONFIG_CONSOLE_LOGLEVEL_DEFAULT 7

#endif
