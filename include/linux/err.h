/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/err.h: a pointer that carries an errno instead, as Linux
 * does: the top 4095 addresses are never valid objects.
 */
#ifndef __LINUX_ERR_H
#define __LINUX_ERR_H

#include <linux/compiler.h>
#include <linux/types.h>

#define MAX_ERRNO 4095
#define IS_ERR_VALUE(x) unlikely((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline bool IS_ERR(const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}

#endif
