/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/hidden.h: force-included into position-independent code
 * (the EFI stub). Every symbol is hidden, so the compiler reaches it
 * PC-relatively (adrp/add, bl) instead of through a GOT entry that would
 * hold a link-time address.
 */
#pragma GCC visibility push(hidden)
