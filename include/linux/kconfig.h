/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/kconfig.h: pulls in the generated configuration and gives
 * IS_ENABLED(CONFIG_FOO), which is 1 or 0 and so can be used in C
 * expressions instead of #ifdef. Force-included in every compile.
 */
#ifndef __LINUX_KCONFIG_H
#define __LINUX_KCONFIG_H

#include <generated/autoconf.h>

/*
 * autoconf.h defines CONFIG_FOO as 1 when enabled and leaves it undefined
 * otherwise. The trick: __ARG_PLACEHOLDER_1 expands to "0," so that a
 * defined option shifts a 1 into second position.
 */
#define __ARG_PLACEHOLDER_1 0,
#define __take_second_arg(__ignored, val, ...) val
#define __is_defined(x) ___is_defined(x)
#define ___is_defined(val) ____is_defined(__ARG_PLACEHOLDER_##val)
#define ____is_defined(arg1_or_junk) __take_second_arg(arg1_or_junk 1, 0)

#define IS_ENABLED(option) __is_defined(option)

#endif
